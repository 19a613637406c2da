package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.ha.FenceChannel;
import io.cellharness.core.ha.HaPolicy;
import io.cellharness.sim.scenario.CheckResult;
import io.cellharness.sim.scenario.PolicyVerdict;
import io.cellharness.sim.scenario.SimRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The field cases under both HA policies: each asserts the behaviour its report documents, so that a CloudStack
 * policy that fenced on a refused power-off, checked activity at the wrong pace, or read RBD pools as dead would fail.
 */
class FieldGalleryTest {

    private static SimRequest request(String name) {
        SimSource source = new SimSource();
        source.file = Path.of("..", "examples", "field", name);
        source.load();
        return source.request(source.seed(null));
    }

    @Test
    void cs10477CloudStackDefaultsTakeTenActivityChecksTheCellPolicySeconds() {
        SimRequest r = request("cs-10477-slow-recovery.yaml");
        PolicyVerdict cs = PolicyVerdict.run(r, HaPolicy.CLOUDSTACK);
        PolicyVerdict cell = PolicyVerdict.run(r, HaPolicy.CELL);
        // Ten activity checks at least 60 s apart: more than nine minutes, and the reset recovers it before eleven.
        assertThat(cs.recoveryMillis()).singleElement().satisfies(ms -> assertThat(ms).isBetween(540_000L, 660_000L));
        assertThat(cs.fenced().get("kvm2")).containsExactly(FenceChannel.POWER_RESET_ACCEPTED);
        assertThat(cell.recoveryMillis()).singleElement().satisfies(ms -> assertThat(ms).isLessThan(60_000L));
        assertThat(cs.brokenInvariants()).isEmpty();
    }

    @Test
    void cs13376CloudStackStaysInFencingUntilThePowerReturns() {
        SimRequest r = request("cs-13376-redfish-already-off.yaml");
        PolicyVerdict cs = PolicyVerdict.run(r, HaPolicy.CLOUDSTACK);
        // The refused power-off is retried every poll, and the VMs restart only after the chassis has power again
        // (at 29.5 min), when the pending power-off finally succeeds.
        assertThat(cs.powerCommands()).isGreaterThan(100);
        assertThat(cs.recoveryMillis()).singleElement().satisfies(ms -> assertThat(ms).isGreaterThan(29 * 60_000L));
        assertThat(cs.fenced().get("kvm3")).containsExactly(FenceChannel.POWER_OFF_ACCEPTED);
        PolicyVerdict cell = PolicyVerdict.run(r, HaPolicy.CELL);
        assertThat(cell.fenced().get("kvm3")).containsExactly(FenceChannel.POWER_CONFIRMED_OFF);
        assertThat(cell.recoveryMillis()).singleElement().satisfies(ms -> assertThat(ms).isLessThan(60_000L));
    }

    @Test
    void cs13376CloudStackIsInFencingWhileThePowerIsOff() {
        SimRequest r = request("cs-13376-redfish-already-off.yaml");
        io.cellharness.sim.scenario.SimRun run = io.cellharness.sim.scenario.SimRun.prepare(
                r.withPolicy(HaPolicy.CLOUDSTACK));
        run.runTo(20 * 60_000L);
        assertThat(run.ha().manager().policyState("kvm3")).isEqualTo("Fencing");
        assertThat(run.cluster().ledger().hostsOf("db3")).isEmpty();
    }

    @Test
    void cs13377AFenceDeclaredOnAnUnknownPowerStateRestartsVmsThatStillRun() {
        SimRequest r = request("cs-13377-unknown-power-live-host.yaml");
        PolicyVerdict cs = PolicyVerdict.run(r, HaPolicy.CLOUDSTACK);
        assertThat(cs.fenced().get("kvm5")).containsExactly(FenceChannel.POWER_STATE_UNKNOWN);
        assertThat(cs.brokenInvariants()).extracting(CheckResult::kind).contains("safety");
        PolicyVerdict cell = PolicyVerdict.run(r, HaPolicy.CELL);
        assertThat(cell.brokenInvariants()).isEmpty();
        assertThat(cell.fenced()).isEmpty();
    }

    @Test
    void cs13784CephOnlyClusterNeverRecoversUnderCloudStackButDoesUnderCell() {
        SimRequest r = request("cs-13784-ceph-only.yaml");
        PolicyVerdict cs = PolicyVerdict.run(r, HaPolicy.CLOUDSTACK);
        assertThat(cs.fenced()).isEmpty();
        assertThat(cs.powerCommands()).isZero();
        assertThat(cs.unrecovered()).containsExactly("kvm2");
        assertThat(cs.outcome().checks()).anyMatch(c -> c.name().equals("ha-vms-run-again") && !c.held());
        PolicyVerdict cell = PolicyVerdict.run(r, HaPolicy.CELL);
        assertThat(cell.unrecovered()).isEmpty();
        assertThat(cell.brokenInvariants()).isEmpty();
    }

    @Test
    void cs13784HealthyHostsCycleThroughDegraded() {
        io.cellharness.sim.scenario.SimRun run = io.cellharness.sim.scenario.SimRun.prepare(
                request("cs-13784-ceph-only.yaml").withPolicy(HaPolicy.CLOUDSTACK));
        run.runTo(13 * 60_000L);
        // kvm1 is healthy; with no NFS pool its health check fails and RBD's "Unsupported Storage" counts as activity.
        assertThat(run.ha().manager().policyState("kvm1")).isEqualTo("Degraded");
    }

    @Test
    void isolationAndASwitchFailureFenceNobodyUnderEitherPolicy() {
        for (String name : new String[] {"vsphere-host-isolation.yaml", "tor-switch-mass-failure.yaml"}) {
            SimRequest r = request(name);
            for (HaPolicy p : HaPolicy.values()) {
                PolicyVerdict v = PolicyVerdict.run(r, p);
                assertThat(v.powerCommands()).as(name + " under " + p).isZero();
                assertThat(v.outcome().passed()).as(name + " under " + p + ": " + v.outcome().failures()).isTrue();
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameCloudStackTrace() {
        SimRequest r = request("cs-12922-fenced-vms-running.yaml");
        assertThat(PolicyVerdict.run(r, HaPolicy.CLOUDSTACK).outcome().traceSha256())
                .isEqualTo(PolicyVerdict.run(r, HaPolicy.CLOUDSTACK).outcome().traceSha256());
    }
}
