package io.cellharness.core.network;

import static io.cellharness.core.network.NetworkFixtures.fabric;
import static io.cellharness.core.network.NetworkFixtures.host;
import static io.cellharness.core.network.NetworkFixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.BondMode;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.ClusterSettings;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReachabilityTest {

    private NetworkFabric fabric;

    @BeforeEach
    void twoHostsWithVlanGuests() {
        fabric = fabric(host("h1"), host("h2", BondMode.LACP, BondMode.ACTIVE_BACKUP));
        fabric.attach("h1", vm("a101", "br-VM.101"));
        fabric.attach("h1", vm("b102", "br-VM.102"));
        fabric.attach("h1", vm("untagged", "br-VM"));
        fabric.attach("h2", vm("c101", "br-VM.101"));
        fabric.attach("h2", vm("d102", "br-VM.102"));
    }

    private Reachability reach(Endpoint a, Endpoint b) {
        Reachability there = fabric.reach(a, b);
        assertThat(fabric.reach(b, a).reachable()).as("symmetric").isEqualTo(there.reachable());
        return there;
    }

    private static Endpoint vmNic(String vm) {
        return Endpoint.vm(vm, 0);
    }

    @Test
    void theSameVlanReachesAcrossHostsThroughTheBrVmUplinks() {
        Reachability r = reach(vmNic("a101"), vmNic("c101"));
        assertThat(r).isInstanceOf(Reachability.Reachable.class);
        assertThat(((Reachability.Reachable) r).path()).isEqualTo("VM a101 vnet0 → br-VM.101 → h1 bond-VM(eno3) → "
                + "switch → h2 bond-VM(eno3) → br-VM.101 → VM c101 vnet0");
    }

    @Test
    void differentVlansNeverReachEachOther() {
        assertThat(reach(vmNic("a101"), vmNic("b102"))).as("same host").isEqualTo(new Reachability.Unreachable("N-03",
                "VLAN 101 (br-VM.101) and VLAN 102 (br-VM.102) are isolated"));
        assertThat(reach(vmNic("a101"), vmNic("d102")).reachable()).as("across hosts").isFalse();
        assertThat(reach(vmNic("a101"), vmNic("untagged"))).isEqualTo(new Reachability.Unreachable("N-03",
                "br-VM.101 (VLAN 101) is isolated from the untagged br-VM"));
    }

    @Test
    void aBondWithNoLiveSlaveCutsItsHostOffThatNetworkOnly() {
        fabric.nicDown("h2", "eno3");
        fabric.nicDown("h2", "eno4");
        Reachability r = reach(vmNic("a101"), vmNic("c101"));
        assertThat(r).isEqualTo(new Reachability.Unreachable("N-07",
                "host h2 is cut off br-VM: bond-VM has no live slave (eno3, eno4 down)"));
        fabric.attach("h2", vm("e101", "br-VM.101"));
        assertThat(reach(vmNic("c101"), vmNic("e101")).reachable()).as("same host needs no uplink").isTrue();
        assertThat(reach(Endpoint.host("h1", "br-MGMT"), Endpoint.host("h2", "br-MGMT")).reachable())
                .as("management is another bond").isTrue();
    }

    @Test
    void anActiveBackupBondKeepsConnectivityWhenItsActiveSlaveFails() {
        assertThat(fabric.nicDown("h1", "eno3").orElseThrow().activeSlave()).isEqualTo("eno4");
        Reachability r = reach(vmNic("a101"), vmNic("c101"));
        assertThat(r.reachable()).isTrue();
        assertThat(((Reachability.Reachable) r).path()).contains("h1 bond-VM(eno4)");
    }

    @Test
    void lacpLostAtTheSwitchCutsTheHostOffAndComesBack() {
        Endpoint m1 = Endpoint.host("h1", "br-MGMT");
        Endpoint m2 = Endpoint.host("h2", "br-MGMT");
        assertThat(fabric.managementGbps("h1", "h2")).isEqualTo(10);
        assertThat(fabric.host("h2").uplinkGbps(StandardBridge.MGMT)).isEqualTo(20);

        fabric.setSwitchLacp("h2", false);
        Reachability r = reach(m1, m2);
        assertThat(r).isInstanceOf(Reachability.Unreachable.class);
        assertThat(((Reachability.Unreachable) r).reason()).isEqualTo("host h2 is cut off br-MGMT: bond-MGMT is "
                + "802.3ad but the switch does not answer LACP, so no link is aggregated (N-07)");
        assertThat(fabric.managementGbps("h1", "h2")).isZero();

        fabric.setSwitchLacp("h2", true);
        assertThat(reach(m1, m2).reachable()).isTrue();
    }

    @Test
    void cloud0ReachesOnlyBetweenAHostAndItsOwnSystemVms() {
        fabric.attach("h1", vm("vr1", "br-VM", "cloud0").withSystemVm(true));
        fabric.attach("h1", vm("vr2", "cloud0").withSystemVm(true));
        Endpoint vr1Cloud0 = Endpoint.vm("vr1", 1);

        assertThat(reach(Endpoint.host("h1", "cloud0"), vr1Cloud0).reachable()).isTrue();
        assertThat(reach(Endpoint.host("h1", "br-MGMT"), vr1Cloud0).reachable()).as("from its host").isTrue();
        assertThat(reach(Endpoint.host("h2", "cloud0"), vr1Cloud0)).isEqualTo(new Reachability.Unreachable("N-02",
                "cloud0 is host-only: VM vr1 vnet4 on cloud0 is reachable from its own host h1 only, not from host h2"));
        assertThat(reach(Endpoint.host("h2", "br-MGMT"), vr1Cloud0).reachable()).isFalse();
        assertThat(reach(vmNic("untagged"), vr1Cloud0).reachable()).as("a guest on the same host").isFalse();
        assertThat(reach(Endpoint.vm("vr2", 0), vr1Cloud0).reachable()).as("another system VM").isFalse();
        assertThat(reach(Endpoint.host("h1", "cloud0"), Endpoint.host("h2", "cloud0")).reachable()).isFalse();
        assertThat(reach(vmNic("vr1"), vmNic("untagged")).reachable()).as("its br-VM NIC is a normal port").isTrue();
    }

    @Test
    void aPoweredOffHostReachesNothingAndLosesItsPorts() {
        fabric.powerOff("h2");
        assertThat(reach(vmNic("a101"), vmNic("c101"))).isEqualTo(new Reachability.Unreachable("N-04",
                "VM c101 NIC 0 has no port: the VM does not run or has no such NIC"));
        assertThat(reach(Endpoint.host("h1", "br-MGMT"), Endpoint.host("h2", "br-MGMT")))
                .isEqualTo(new Reachability.Unreachable("N-01", "host h2 is powered off"));
    }

    @Test
    void hostsReachEachOtherOnTheSameNetworkOnly() {
        assertThat(reach(Endpoint.host("h1", "br-MGMT"), Endpoint.host("h2", "br-MGMT")).reachable()).isTrue();
        assertThat(reach(Endpoint.host("h1", "br-MGMT"), Endpoint.host("h2", "br-PN"))).isEqualTo(
                new Reachability.Unreachable("N-03", "br-MGMT and br-PN are different networks"));
        assertThat(reach(Endpoint.host("h1", "br-MGMT"), Endpoint.host("h1", "br-PN")).reachable())
                .as("a host reaches its own addresses").isTrue();
    }

    @Test
    void aFabricFromAClusterAttachesThePlacedVms() {
        ClusterSpec spec = new ClusterSpec("c", ClusterSettings.DEFAULTS, List.of(host("h1"), host("h2")),
                List.of(vm("a", "br-VM.7").withHost("h1"), vm("b", "br-VM.7").withHost("h2"), vm("idle", "br-VM")));
        NetworkFabric built = NetworkFabric.of(spec, true);
        assertThat(built.reach(vmNic("a"), vmNic("b")).reachable()).isTrue();
        assertThat(built.port("idle", 0)).isEmpty();
    }
}
