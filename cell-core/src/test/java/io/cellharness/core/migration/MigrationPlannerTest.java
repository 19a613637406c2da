package io.cellharness.core.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.cpu.CpuCatalogue;
import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.BondMode;
import io.cellharness.core.model.BondSpec;
import io.cellharness.core.model.ClusterSettings;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.HostNicSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Overcommit;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.network.NetworkFabric;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationPlannerTest {

    private static HostSpec host(String name, String cpuModel, int nicGbps, BondMode mgmtMode, long memoryGib) {
        return new HostSpec(name, 32, Size.ofGiB(memoryGib), null, CpuCatalogue.standard().hostCpu(cpuModel), null, null,
                List.of(new HostNicSpec("eno1", nicGbps), new HostNicSpec("eno2", nicGbps)),
                List.of(new BondSpec("bond-MGMT", mgmtMode, List.of("eno1", "eno2"), "br-MGMT")));
    }

    private static ClusterSpec cluster(List<HostSpec> hosts, VmSpec... vms) {
        return new ClusterSpec("c", new ClusterSettings(Overcommit.OFF, false), hosts, List.of(vms));
    }

    private static VmSpec vm(String name, long memoryGib, CpuMode mode, String host) {
        return VmSpec.of(name, Size.ofGiB(memoryGib), 4).withCpuMode(mode).withHost(host);
    }

    private final ClusterSpec twoHaswells = cluster(
            List.of(host("h1", "Haswell", 10, BondMode.ACTIVE_BACKUP, 256), host("h2", "Haswell", 10, BondMode.LACP, 256)),
            vm("db", 64, CpuMode.HOST_MODEL, "h1"));

    @Test
    void aReadyPlanCarriesTheRequestAndThePrediction() {
        MigrationPlan plan = MigrationPlanner.plan(twoHaswells, "db", "h2", MigrationOptions.defaults().withDirtyRate(500));
        assertThat(plan).isInstanceOf(MigrationPlan.Ready.class);
        MigrationPlan.Ready ready = (MigrationPlan.Ready) plan;
        assertThat(ready.source()).isEqualTo("h1");
        assertThat(ready.cpu().rule()).isEqualTo("C-03");
        assertThat(ready.request().port()).isEqualTo(Limits.MIGRATION_PORT).isEqualTo(49152);
        assertThat(ready.request().targetHost()).isEqualTo("h2");
        assertThat(ready.request().maxDowntimeMillis()).isEqualTo(300);
        assertThat(ready.request().copyStorage()).isFalse();
        assertThat(ready.bandwidthGbps()).as("min of active-backup 10 and LACP 20").isEqualTo(10);
        assertThat(ready.prediction().converges()).isTrue();
    }

    @Test
    void aOneGigabitManagementNetworkIsFlaggedAndTheBusyVmDoesNotConverge() {
        ClusterSpec slow = cluster(List.of(host("h1", "Haswell", 1, BondMode.ACTIVE_BACKUP, 256),
                host("h2", "Haswell", 1, BondMode.ACTIVE_BACKUP, 256)), vm("db", 64, CpuMode.HOST_MODEL, "h1"));
        MigrationPlan.Ready ready = (MigrationPlan.Ready) MigrationPlanner.plan(slow, "db", "h2",
                MigrationOptions.defaults().withDirtyRate(500));
        assertThat(ready.bandwidthGbps()).isEqualTo(1);
        assertThat(ready.prediction().slowNetwork()).isTrue();
        assertThat(ready.prediction().converges()).isFalse();
    }

    @Test
    void anLacpManagementBondOnASwitchWithoutLacpRefusesWithN07() {
        ClusterSpec spec = cluster(List.of(host("h1", "Haswell", 10, BondMode.ACTIVE_BACKUP, 256),
                host("h2", "Haswell", 10, BondMode.LACP, 256).withSwitchLacp(false)),
                vm("db", 64, CpuMode.HOST_MODEL, "h1"));
        MigrationPlan plan = MigrationPlanner.plan(spec, "db", "h2", MigrationOptions.defaults());
        assertThat(plan).isInstanceOf(MigrationPlan.Refused.class);
        assertThat(((MigrationPlan.Refused) plan).rule()).isEqualTo("N-07");
        assertThat(((MigrationPlan.Refused) plan).reason()).contains("bond-MGMT uses 802.3ad (LACP)");
    }

    @Test
    void cpuEligibilityIsCheckedFirstAndRefusesBeforeCopying() {
        // The target is also too small; the CPU refusal must win (G-04).
        ClusterSpec spec = cluster(List.of(host("h1", "Skylake-Server", 10, BondMode.ACTIVE_BACKUP, 256),
                host("h2", "Haswell", 10, BondMode.ACTIVE_BACKUP, 8)), vm("db", 64, CpuMode.HOST_PASSTHROUGH, "h1"));
        MigrationPlan plan = MigrationPlanner.plan(spec, "db", "h2", MigrationOptions.defaults());
        assertThat(plan).isEqualTo(new MigrationPlan.Refused("db", "h1", "h2", "C-02", "host-passthrough VM sees the "
                + "CPU Skylake-Server and the cluster's CPUs are not all the same: h2 has Haswell; host-passthrough "
                + "live-migrates only when every host of the cluster has the same CPU model and feature set"));
    }

    @Test
    void aTargetWithoutRoomIsRefused() {
        ClusterSpec spec = cluster(List.of(host("h1", "Haswell", 10, BondMode.ACTIVE_BACKUP, 256),
                host("h2", "Haswell", 10, BondMode.ACTIVE_BACKUP, 32)), vm("db", 64, CpuMode.HOST_MODEL, "h1"));
        MigrationPlan.Refused refused = (MigrationPlan.Refused) MigrationPlanner.plan(spec, "db", "h2",
                MigrationOptions.defaults());
        assertThat(refused.rule()).isEqualTo("L-07");
        assertThat(refused.reason()).startsWith("target h2 has no room: ");
    }

    @Test
    void aCutManagementNetworkRefusesWithThePort() {
        NetworkFabric network = NetworkFabric.of(twoHaswells, true);
        network.nicDown("h2", "eno1");
        assertThat(MigrationPlanner.plan(twoHaswells, "db", "h2", MigrationOptions.defaults(), network, null).ready())
                .as("LACP with one live slave still carries").isTrue();
        network.nicDown("h2", "eno2");
        MigrationPlan.Refused refused = (MigrationPlan.Refused) MigrationPlanner.plan(twoHaswells, "db", "h2",
                MigrationOptions.defaults(), network, null);
        assertThat(refused.rule()).isEqualTo("G-02");
        assertThat(refused.reason()).isEqualTo("migration traffic uses the management network (port 49152) and h1 "
                + "cannot reach h2 on it: host h2 is cut off br-MGMT: bond-MGMT has no live slave (eno1, eno2 down)");
    }

    @Test
    void theLiveNetworkSetsTheBandwidth() {
        NetworkFabric network = NetworkFabric.of(twoHaswells, true);
        network.nicDown("h1", "eno1");
        MigrationPlan.Ready ready = (MigrationPlan.Ready) MigrationPlanner.plan(twoHaswells, "db", "h2",
                MigrationOptions.defaults(), network, null);
        assertThat(ready.bandwidthGbps()).isEqualTo(10);
        MigrationPlan.Ready forced = (MigrationPlan.Ready) MigrationPlanner.plan(twoHaswells, "db", "h2",
                MigrationOptions.defaults().withBandwidth(1), network, null);
        assertThat(forced.bandwidthGbps()).isEqualTo(1);
    }

    @Test
    void localDisksAreCopiedAndTheRequestSaysSo() {
        VmSpec withLocalDisk = vm("db", 8, CpuMode.HOST_MODEL, "h1").withDisks(List.of(
                new DiskSpec(null, StorageType.LOCAL, "root", Size.ofGiB(40)),
                new DiskSpec(null, StorageType.GLUE_RBD, "rbd/data", Size.ofGiB(500))));
        MigrationPlan.Ready ready = (MigrationPlan.Ready) MigrationPlanner.plan(twoHaswells.withVms(List.of(withLocalDisk)),
                "db", "h2", MigrationOptions.defaults());
        assertThat(ready.request().copyStorage()).isTrue();
        assertThat(ready.prediction().diskBytes()).isEqualTo(40 * Limits.GIB);
    }

    @Test
    void theStartedCpuDecidesForHostModel() {
        ClusterSpec spec = cluster(List.of(host("h1", "Skylake-Server", 10, BondMode.ACTIVE_BACKUP, 256),
                host("h2", "Haswell", 10, BondMode.ACTIVE_BACKUP, 256)), vm("db", 8, CpuMode.HOST_MODEL, "h1"));
        assertThat(MigrationPlanner.plan(spec, "db", "h2", MigrationOptions.defaults()).ready()).isFalse();
        MigrationPlan startedOnHaswell = MigrationPlanner.plan(spec, "db", "h2", MigrationOptions.defaults(), null,
                CpuCatalogue.standard().hostCpu("Haswell"));
        assertThat(startedOnHaswell.ready()).isTrue();
    }

    @Test
    void structuralProblemsAreNamed() {
        assertThat(MigrationPlanner.plan(twoHaswells, "nope", "h2", MigrationOptions.defaults()))
                .isEqualTo(new MigrationPlan.Refused("nope", null, "h2", "G-01", "the cluster has no VM nope"));
        assertThat(((MigrationPlan.Refused) MigrationPlanner.plan(twoHaswells, "db", "h1", MigrationOptions.defaults()))
                .reason()).isEqualTo("VM db already runs on h1");
        assertThat(((MigrationPlan.Refused) MigrationPlanner.plan(twoHaswells, "db", "h9", MigrationOptions.defaults()))
                .reason()).isEqualTo("the cluster has no host h9");
        ClusterSpec unplaced = twoHaswells.withVms(List.of(VmSpec.of("idle", Size.ofGiB(1), 1)));
        assertThat(((MigrationPlan.Refused) MigrationPlanner.plan(unplaced, "idle", "h2", MigrationOptions.defaults()))
                .reason()).isEqualTo("VM idle is not placed on a host, so there is no running VM to migrate");
    }
}
