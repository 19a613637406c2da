package io.cellharness.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.sim.scenario.HciClusters;
import io.cellharness.sim.Simulation;
import io.cellharness.sim.fault.Fault;
import io.cellharness.sim.fault.ScheduledFault;
import io.cellharness.sim.world.Net;
import io.cellharness.sim.world.ProcessScope;
import io.cellharness.sim.world.SimSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The invariants can fail: unsafe settings and a world that starts a VM twice are caught, and stop the run. */
class InvariantsCatchTest {

    @Test
    void aLeaseShorterThanTheWatchdogRestartsVmsThatStillRun() {
        ClusterSpec cluster = HciClusters.of(4, 3);
        List<ScheduledFault> faults = List.of(
                new ScheduledFault(10_000, new Fault.BmcUnreachable("cube1"), 300_000),
                new ScheduledFault(30_000, new Fault.Partition(Net.MGMT, List.of("cube1"), Fault.Direction.BOTH), 60_000),
                new ScheduledFault(30_000, new Fault.Partition(Net.STORAGE, List.of("cube1"), Fault.Direction.BOTH), 60_000));
        SimRequest unsafe = new SimRequest("unsafe", cluster, faults, List.of(), java.util.Map.of(), 120_000, 60_000, 7,
                HaSettings.DEFAULTS.withLeaseTimeout(2_000), SimSettings.DEFAULTS, List.of(), List.of("x"));
        SimOutcome outcome = SimRun.prepare(unsafe).finish();
        assertThat(outcome.stop()).isEqualTo(Simulation.Stop.VIOLATION);
        assertThat(outcome.failures()).extracting(CheckResult::name).contains("restart-only-after-fence");
        assertThat(outcome.virtualMillis()).as("the run stops at the violation").isLessThan(60_000);

        SimRequest safe = new SimRequest("safe", cluster, faults, List.of(), java.util.Map.of(), 120_000, 60_000, 7,
                HaSettings.DEFAULTS, SimSettings.DEFAULTS, List.of(), List.of("x"));
        assertThat(SimRun.prepare(safe).finish().failures()).as("the same faults with the default lease").isEmpty();
    }

    @Test
    void aVmStartedOnTwoHostsIsCaughtAtOnce() {
        SimRun run = SimRun.prepare(new SimRequest("twice", HciClusters.of(3, 1), List.of(), List.of(),
                java.util.Map.of(), 60_000, 0, 1, HaSettings.DEFAULTS, SimSettings.DEFAULTS, List.of(), List.of("x")));
        ProcessScope rogue = run.cluster().managerProcess("rogue");
        var vm = run.cluster().spec().vm("vm-1-1").orElseThrow().withHost("cube2");
        run.cluster().hypervisors(rogue).of("cube2").define(vm)
                .thenCompose(d -> run.cluster().hypervisors(rogue).of("cube2").start(vm.name()));
        SimOutcome outcome = run.finish();
        assertThat(outcome.failures()).extracting(CheckResult::name).containsExactly("vm-runs-once");
        assertThat(outcome.failures().get(0).detail()).isEqualTo("vm-1-1 runs on cube1 and cube2");
    }

    /** A run of four quiet hosts in which a rogue observer call stands for a manager with a wrong belief. */
    private static SimRun quiet() {
        return SimRun.prepare(new SimRequest("quiet", HciClusters.of(4, 2), List.of(), List.of(), java.util.Map.of(),
                60_000, 0, 1, HaSettings.DEFAULTS, SimSettings.DEFAULTS, List.of(), List.of("x")));
    }

    @Test
    void fencingAHostAliveOnStorageIsCaughtWhateverItsLastWriteLooksLike() {
        SimRun run = quiet();
        run.runTo(30_000);
        run.haEvents().fenceIssued("cube2", 1);
        SimOutcome outcome = run.finish();
        assertThat(outcome.failures()).extracting(CheckResult::name).containsExactly("no-fence-while-alive-on-storage");
        assertThat(outcome.failures().get(0).detail()).startsWith("cube2 fenced while alive on storage");
    }

    @Test
    void fencingAHostCutOffFromStorageIsNoViolation() {
        SimRun run = quiet();
        run.runTo(30_000);
        new Fault.Partition(Net.STORAGE, List.of("cube2"), Fault.Direction.BOTH).apply(run.cluster());
        run.runTo(36_000);
        run.haEvents().fenceIssued("cube2", 1);
        run.runTo(37_000);
        assertThat(run.sim().invariants().violations()).isEmpty();
    }

    @Test
    void aLeaseDeclaredExpiredUnderALiveHostIsCaughtEvenWithoutVms() {
        SimRun run = SimRun.prepare(new SimRequest("empty host", HciClusters.of(4, 0), List.of(), List.of(),
                java.util.Map.of(), 60_000, 0, 1, HaSettings.DEFAULTS, SimSettings.DEFAULTS, List.of(), List.of("x")));
        run.runTo(30_000);
        run.haEvents().fenced("cube3", io.cellharness.core.ha.FenceChannel.LEASE_EXPIRED);
        SimOutcome outcome = run.finish();
        assertThat(outcome.failures()).extracting(CheckResult::name).containsExactly("lease-expiry-is-true");
        assertThat(outcome.failures().get(0).detail()).contains("watchdog is still fed");
    }

    @Test
    void aLeaseDeclaredExpiredAfterTheWatchdogResetTheHostIsNoViolation() {
        SimRun run = SimRun.prepare(new SimRequest("cut off", HciClusters.of(4, 0), List.of(), List.of(),
                java.util.Map.of(), 60_000, 0, 1, HaSettings.DEFAULTS, SimSettings.DEFAULTS, List.of(), List.of("x")));
        run.runTo(30_000);
        new Fault.Partition(Net.STORAGE, List.of("cube3"), Fault.Direction.BOTH).apply(run.cluster());
        new Fault.Partition(Net.MGMT, List.of("cube3"), Fault.Direction.BOTH).apply(run.cluster());
        run.runTo(30_000 + SimSettings.DEFAULTS.watchdogTimeoutMillis() + 2_000);
        assertThat(run.cluster().host("cube3").up()).as("reset by its watchdog").isFalse();
        run.haEvents().fenced("cube3", io.cellharness.core.ha.FenceChannel.LEASE_EXPIRED);
        run.runTo(run.sim().nowMillis() + 1);
        assertThat(run.sim().invariants().violations()).isEmpty();
    }
}
