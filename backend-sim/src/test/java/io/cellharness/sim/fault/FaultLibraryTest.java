package io.cellharness.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.BmcSpec;
import io.cellharness.core.model.BondMode;
import io.cellharness.core.model.BondSpec;
import io.cellharness.core.model.ClusterSettings;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostNicSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Overcommit;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageControllerSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PowerState;
import io.cellharness.sim.Simulation;
import io.cellharness.sim.world.Net;
import io.cellharness.sim.world.ProcessScope;
import io.cellharness.sim.world.SimCluster;
import io.cellharness.sim.world.SimHost;
import io.cellharness.sim.world.SimSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Every block of the fault library: its effect while it lasts and what its end restores. No HA engine runs here:
 * the world alone is observed.
 */
class FaultLibraryTest {

    private final Simulation sim = new Simulation(3);
    private final SimCluster cluster = new SimCluster(sim, cluster(), SimSettings.DEFAULTS);
    private final ProcessScope manager = cluster.managerProcess("test");

    private static ClusterSpec cluster() {
        List<HostSpec> hosts = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            hosts.add(new HostSpec("h" + i, 8, Size.ofGiB(32), null, null, new BmcSpec("10.0.0." + i, null, "a", "P"),
                    new StorageControllerSpec("10.1.0." + i + ":6789"),
                    List.of(new HostNicSpec("eno1", 10), new HostNicSpec("eno2", 10), new HostNicSpec("eno3", 10),
                            new HostNicSpec("eno4", 10)),
                    List.of(new BondSpec("bond-MGMT", BondMode.ACTIVE_BACKUP, List.of("eno1", "eno2"), "br-MGMT"),
                            new BondSpec("bond-VM", BondMode.LACP, List.of("eno3", "eno4"), "br-VM"))));
        }
        List<VmSpec> vms = List.of(VmSpec.of("a", Size.ofGiB(16), 2).withHost("h1"),
                VmSpec.of("b", Size.ofGiB(16), 2).withHost("h1"), VmSpec.of("c", Size.ofGiB(8), 2).withHost("h2"));
        return new ClusterSpec("f", new ClusterSettings(new Overcommit(1.5, 1), false), hosts, vms);
    }

    FaultLibraryTest() {
        cluster.placeInitialVms();
    }

    private void runTo(long millis) {
        sim.runUntil(() -> false, millis, Limits.SIM_MAX_EVENTS);
    }

    private <T> OpResult<T> await(CompletionStage<OpResult<T>> stage) {
        AtomicReference<OpResult<T>> result = new AtomicReference<>();
        stage.thenAccept(result::set);
        sim.runUntil(() -> result.get() != null, sim.nowMillis() + 60_000, Limits.SIM_MAX_EVENTS);
        return result.get();
    }

    private FaultSchedule schedule(Fault fault, long at, long duration) {
        FaultSchedule s = new FaultSchedule(List.of(new ScheduledFault(at, fault, duration)));
        s.install(cluster);
        return s;
    }

    @Test
    void hostCrashStopsEverythingButTheChassisAndItsEndRepairsIt() {
        schedule(new Fault.HostCrash("h1"), 1_000, 10_000);
        runTo(2_000);
        SimHost h1 = cluster.host("h1");
        assertThat(h1.up()).isFalse();
        assertThat(h1.power()).isEqualTo(PowerState.ON);
        assertThat(cluster.ledger().copies("a")).isZero();
        runTo(11_000 + Limits.SIM_HOST_BOOT_MS + 1);
        assertThat(h1.up()).isTrue();
        assertThat(h1.activeDomains()).as("no domain autostarts after the repair").isEmpty();
    }

    @Test
    void powerLossTurnsTheChassisOffUntilItsEnd() {
        schedule(new Fault.HostPowerOff("h2"), 1_000, 5_000);
        runTo(2_000);
        assertThat(cluster.host("h2").power()).isEqualTo(PowerState.OFF);
        runTo(6_001);
        assertThat(cluster.host("h2").power()).isEqualTo(PowerState.ON);
        assertThat(cluster.host("h2").up()).as("still booting").isFalse();
        runTo(6_001 + Limits.SIM_HOST_BOOT_MS);
        assertThat(cluster.host("h2").up()).isTrue();
    }

    @Test
    void rebootStopsTheVmsAndTheHostComesBackAfterItsBootTime() {
        schedule(new Fault.HostReboot("h1"), 1_000, -1);
        runTo(1_001);
        assertThat(cluster.host("h1").up()).isFalse();
        assertThat(cluster.ledger().runningVms()).containsExactly("c");
        runTo(1_001 + Limits.SIM_HOST_BOOT_MS);
        assertThat(cluster.host("h1").up()).isTrue();
        assertThat(cluster.host("h1").boots()).isEqualTo(1);
    }

    @Test
    void aHungLibvirtdAnswersNothingWhileItsDomainsRun() {
        schedule(new Fault.LibvirtdHang("h1"), 1_000, 20_000);
        runTo(1_000);
        assertThat(await(cluster.hypervisors(manager).of("h1").ping())).isInstanceOf(OpResult.Unknown.class);
        assertThat(cluster.ledger().hostsOf("a")).containsExactly("h1");
        runTo(21_000);
        assertThat(await(cluster.hypervisors(manager).of("h1").ping()).isOk()).isTrue();
    }

    @Test
    void aSymmetricManagementPartitionCutsBothWaysUntilItEnds() {
        schedule(new Fault.Partition(Net.MGMT, List.of("h1"), Fault.Direction.BOTH), 1_000, 5_000);
        runTo(1_000);
        assertThat(cluster.network().reachable(Net.MGMT, "h1", SimCluster.MANAGER)).isFalse();
        assertThat(cluster.network().reachable(Net.MGMT, SimCluster.MANAGER, "h1")).isFalse();
        assertThat(cluster.network().reachable(Net.MGMT, "h2", "h3")).isTrue();
        assertThat(cluster.network().reachable(Net.STORAGE, "h1", SimCluster.MANAGER)).as("storage unaffected").isTrue();
        runTo(6_000);
        assertThat(cluster.network().reachable(Net.MGMT, "h1", SimCluster.MANAGER)).isTrue();
    }

    @Test
    void anAsymmetricPartitionCutsOneDirectionOnly() {
        schedule(new Fault.Partition(Net.MGMT, List.of("h1", "h2"), Fault.Direction.OUTBOUND), 1_000, 5_000);
        runTo(1_000);
        assertThat(cluster.network().reachable(Net.MGMT, "h1", "h3")).isFalse();
        assertThat(cluster.network().reachable(Net.MGMT, "h3", "h1")).isTrue();
        assertThat(cluster.network().reachable(Net.MGMT, "h1", "h2")).as("inside the group").isTrue();
        runTo(6_000);
        assertThat(cluster.network().reachable(Net.MGMT, "h1", "h3")).isTrue();
    }

    @Test
    void aStoragePartitionedHostCannotWriteItsHeartbeatEvenThroughItsOwnMonitor() {
        ProcessScope helper = cluster.host("h1").startProcess("test");
        assertThat(await(cluster.storageHeartbeats(helper).write("h1")).isOk()).isTrue();
        schedule(new Fault.Partition(Net.STORAGE, List.of("h1"), Fault.Direction.BOTH), sim.nowMillis() + 1, 10_000);
        runTo(sim.nowMillis() + 2);
        assertThat(cluster.storage().quorum()).containsExactly("h2", "h3");
        assertThat(await(cluster.storageHeartbeats(helper).write("h1"))).isInstanceOf(OpResult.Unknown.class);
        runTo(sim.nowMillis() + 10_000);
        assertThat(await(cluster.storageHeartbeats(helper).write("h1")).isOk()).isTrue();
    }

    @Test
    void aLossyNetworkDropsMessagesUntilItEnds() {
        schedule(new Fault.Loss(Net.MGMT, 1.0), 1_000, 5_000);
        runTo(1_000);
        assertThat(cluster.network().send(Net.MGMT, "h1", "h2", "x", () -> { })).isFalse();
        runTo(6_000);
        assertThat(cluster.network().send(Net.MGMT, "h1", "h2", "x", () -> { })).isTrue();
    }

    @Test
    void aStoppedControllerTakesItsMonitorOutOfQuorum() {
        schedule(new Fault.StorageControllerDown("h3"), 1_000, 5_000);
        runTo(1_000);
        assertThat(cluster.storage().monitorUp("h3")).isFalse();
        assertThat(cluster.storage().quorum()).containsExactly("h1", "h2");
        runTo(6_000);
        assertThat(cluster.storage().quorum()).containsExactly("h1", "h2", "h3");
    }

    @Test
    void aFlappingMonitorGoesDownAndUpEveryHalfPeriodUntilItEnds() {
        schedule(new Fault.MonitorFlapping("h2", 2_000), 1_000, 10_000);
        List<Boolean> seen = new ArrayList<>();
        for (long t = 1_500; t <= 10_500; t += 1_000) {
            runTo(t);
            seen.add(cluster.storage().monitorUp("h2"));
        }
        assertThat(seen).containsExactly(false, true, false, true, false, true, false, true, false, true);
        runTo(11_001);
        assertThat(cluster.storage().monitorUp("h2")).isTrue();
        runTo(20_000);
        assertThat(cluster.storage().monitorUp("h2")).as("no toggling after the end").isTrue();
    }

    @Test
    void anUnreachableBmcAnswersNothingUntilItEnds() {
        schedule(new Fault.BmcUnreachable("h1"), 1_000, 20_000);
        runTo(1_000);
        assertThat(await(cluster.fenceDrivers(manager).of("h1").orElseThrow().powerStatus()))
                .isInstanceOf(OpResult.Unknown.class);
        runTo(21_000);
        assertThat(await(cluster.fenceDrivers(manager).of("h1").orElseThrow().powerStatus()))
                .isEqualTo(OpResult.ok(PowerState.ON));
    }

    @Test
    void aBmcThatLosesCommandsSaysDoneAndDoesNothingThenWorksAgain() {
        schedule(new Fault.BmcCommandLost("h2", 1), 1_000, -1);
        runTo(1_000);
        var bmc = cluster.fenceDrivers(manager).of("h2").orElseThrow();
        assertThat(await(bmc.powerOff()).isOk()).isTrue();
        runTo(sim.nowMillis() + 5_000);
        assertThat(await(bmc.powerStatus())).isEqualTo(OpResult.ok(PowerState.ON));
        assertThat(await(bmc.powerOff()).isOk()).isTrue();
        runTo(sim.nowMillis() + 5_000);
        assertThat(await(bmc.powerStatus())).isEqualTo(OpResult.ok(PowerState.OFF));
    }

    @Test
    void anActiveBackupBondKeepsTheHostConnectedWithOneSlaveButNotWithNone() {
        schedule(new Fault.NicDown("h1", "eno1", true), 1_000, 10_000);
        runTo(1_000);
        assertThat(cluster.network().reachable(Net.MGMT, "h1", SimCluster.MANAGER)).as("N-07: eno2 takes over").isTrue();
        schedule(new Fault.NicDown("h1", "eno2", false), 2_000, 5_000);
        runTo(2_000);
        assertThat(cluster.network().reachable(Net.MGMT, "h1", SimCluster.MANAGER)).isFalse();
        runTo(7_000);
        assertThat(cluster.network().reachable(Net.MGMT, "h1", SimCluster.MANAGER)).isTrue();
    }

    @Test
    void aSwitchWithoutLacpTakesThe8023adBondDown() {
        schedule(new Fault.SwitchWithoutLacp("h2"), 1_000, 5_000);
        runTo(1_000);
        assertThat(cluster.fabric().host("h2").cutOff(io.cellharness.core.network.StandardBridge.VM)).isPresent();
        assertThat(cluster.network().reachable(Net.MGMT, "h2", SimCluster.MANAGER)).as("management is active-backup").isTrue();
        runTo(6_000);
        assertThat(cluster.fabric().host("h2").cutOff(io.cellharness.core.network.StandardBridge.VM)).isEmpty();
    }

    @Test
    void guestMemoryExhaustionUnderOvercommitKillsAGuestNotTheHost() {
        // h1 has 32 GiB and runs a and b (16 GiB each, half in use); with overcommit 1.5 d (8 GiB) fits as well.
        var h1Libvirt = cluster.hypervisors(manager).of("h1");
        assertThat(await(h1Libvirt.define(VmSpec.of("d", Size.ofGiB(8), 1).withHost("h1"))).isOk()).isTrue();
        assertThat(await(h1Libvirt.start("d")).isOk()).as("L-07: fits with overcommit").isTrue();
        schedule(new Fault.GuestMemoryExhaustion("h1", null), sim.nowMillis() + 1, -1);
        runTo(sim.nowMillis() + 2);
        SimHost h1 = cluster.host("h1");
        assertThat(h1.up()).as("L-08: the host keeps running").isTrue();
        assertThat(h1.activeDomains()).containsExactly("b", "d");
        assertThat(h1.domain("a").reason()).contains("out of host memory").contains("L-08");
    }
}
