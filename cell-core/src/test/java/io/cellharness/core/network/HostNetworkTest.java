package io.cellharness.core.network;

import static io.cellharness.core.network.NetworkFixtures.fabric;
import static io.cellharness.core.network.NetworkFixtures.host;
import static io.cellharness.core.network.NetworkFixtures.hostWithBonds;
import static io.cellharness.core.network.NetworkFixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellharness.core.model.BondMode;
import io.cellharness.core.model.BondSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostNetworkTest {

    private static List<String> problems(BondSpec... bonds) {
        return HostNetwork.problems(hostWithBonds("h1", List.of(bonds)), true);
    }

    @Test
    void everyHostHasTheStandardBridges() {
        HostNetwork net = fabric(host("h1")).host("h1");
        assertThat(net.bridges()).containsExactly("br-MGMT", "br-VM", "br-PN", "br-CN", "cloud0");
    }

    @Test
    void bondsMustBeNamedBondDash() {
        assertThat(problems(new BondSpec("bond0", null, List.of("eno1"), "br-VM"))).containsExactly(
                "host h1: bond 'bond0' must be named bond-<name>, e.g. bond-VM; the management bond is bond-MGMT (N-05)");
        assertThat(problems(new BondSpec("mgmt", null, List.of("eno1"), "br-MGMT"))).hasSize(1)
                .allSatisfy(p -> assertThat(p).contains("'mgmt'", "(N-05)"));
    }

    @Test
    void theManagementBondIsBondMgmt() {
        assertThat(problems(new BondSpec("bond-mgmt0", null, List.of("eno1"), "br-MGMT"))).containsExactly(
                "host h1: the bond uplinking br-MGMT must be named bond-MGMT, not bond-mgmt0 (N-05)");
        assertThat(problems(new BondSpec("bond-MGMT", null, List.of("eno1"), "br-VM"))).containsExactly(
                "host h1: bond-MGMT is the management bond and uplinks br-MGMT, not br-VM (N-05)");
    }

    @Test
    void aBondsBridgeFollowsFromItsNameWhenNotGiven() {
        assertThat(problems(new BondSpec("bond-PN", null, List.of("eno1"), null))).isEmpty();
        HostNetwork net = fabric(hostWithBonds("h1", List.of(new BondSpec("bond-PN", null, List.of("eno1"), null))))
                .host("h1");
        assertThat(net.uplink(StandardBridge.PN)).isPresent();
        assertThat(problems(new BondSpec("bond-storage", null, List.of("eno1"), null))).containsExactly(
                "host h1: bond-storage names no bridge and its name implies none of br-MGMT, br-VM, br-PN, br-CN; "
                        + "give its bridge");
    }

    @Test
    void cloud0HasNoUplink() {
        assertThat(problems(new BondSpec("bond-X", null, List.of("eno1"), "cloud0"))).containsExactly(
                "host h1: bond-X cannot uplink cloud0: cloud0 is host-only and has no uplink (N-02)");
    }

    @Test
    void slavesMustBeTheHostsNicsAndBelongToOneBond() {
        assertThat(problems(new BondSpec("bond-VM", null, List.of("eth9"), "br-VM"))).containsExactly(
                "host h1: bond-VM slave eth9 is not a NIC of the host (NICs: eno1, eno2, eno3, eno4)");
        assertThat(problems(new BondSpec("bond-VM", null, List.of("eno1"), "br-VM"),
                new BondSpec("bond-PN", null, List.of("eno1"), "br-PN"))).containsExactly(
                "host h1: NIC eno1 is a slave of both bond-VM and bond-PN");
        assertThat(problems(new BondSpec("bond-VM", null, List.of("eno1"), "br-VM"),
                new BondSpec("bond-VM2", null, List.of("eno2"), "br-VM"))).containsExactly(
                "host h1: bonds bond-VM and bond-VM2 both uplink br-VM");
    }

    @Test
    void lacpNeedsTheSwitchToSupportIt() {
        HostSetup setup = HostNetwork.configure(host("h1", BondMode.LACP, BondMode.ACTIVE_BACKUP), false);
        assertThat(setup).isInstanceOf(HostSetup.Refused.class);
        assertThat(((HostSetup.Refused) setup).problems()).containsExactly("host h1: bond-MGMT uses 802.3ad (LACP), "
                + "which needs link aggregation configured on the switch; this switch does not support it (N-07)");
        assertThat(HostNetwork.configure(host("h1", BondMode.LACP, BondMode.ACTIVE_BACKUP), true))
                .isInstanceOf(HostSetup.Configured.class);
    }

    @Test
    void portsAreNumberedInCreationOrderPerHostAndNeverReusedDuringAnUptime() {
        NetworkFabric fabric = fabric(host("h1"), host("h2"));
        PortAttachment a = fabric.attach("h1", vm("a", "br-VM", "br-VM.101"));
        PortAttachment b = fabric.attach("h1", vm("b", "br-VM"));
        PortAttachment c = fabric.attach("h2", vm("c", "br-VM"));
        assertThat(((PortAttachment.Attached) a).ports()).extracting(Port::name).containsExactly("vnet0", "vnet1");
        assertThat(((PortAttachment.Attached) b).ports()).extracting(Port::name).containsExactly("vnet2");
        assertThat(((PortAttachment.Attached) c).ports()).extracting(Port::name).as("per host").containsExactly("vnet0");

        assertThat(fabric.detach("a")).extracting(Port::name).containsExactly("vnet0", "vnet1");
        PortAttachment d = fabric.attach("h1", vm("d", "br-VM"));
        assertThat(((PortAttachment.Attached) d).ports()).extracting(Port::name).containsExactly("vnet3");

        fabric.powerOff("h1");
        assertThat(fabric.host("h1").ports()).isEmpty();
        fabric.powerOn("h1");
        PortAttachment e = fabric.attach("h1", vm("e", "br-VM"));
        assertThat(((PortAttachment.Attached) e).ports()).extracting(Port::name).as("a new uptime").containsExactly("vnet0");
    }

    @Test
    void vlanPortsCreateTheirVlanBridge() {
        NetworkFabric fabric = fabric(host("h1"));
        fabric.attach("h1", vm("a", "br-VM.101"));
        assertThat(fabric.host("h1").bridges()).endsWith("cloud0", "br-VM.101");
        assertThat(fabric.port("a", 0).orElseThrow().bridge()).isEqualTo(BridgeRef.vlan(101));
    }

    @Test
    void onlySystemVmsAttachToCloud0() {
        NetworkFabric fabric = fabric(host("h1"));
        PortAttachment guest = fabric.attach("h1", vm("web", "br-VM", "cloud0"));
        assertThat(guest).isEqualTo(new PortAttachment.Refused("N-02",
                "NIC 1: cloud0 connects system VMs to their host only; web is not a system VM"));
        assertThat(fabric.host("h1").ports()).as("nothing half-attached").isEmpty();
        assertThat(fabric.attach("h1", vm("router", "br-VM", "cloud0").withSystemVm(true)).attached()).isTrue();
    }

    @Test
    void aVmHasPortsOnOneHostAtATime() {
        NetworkFabric fabric = fabric(host("h1"), host("h2"));
        fabric.attach("h1", vm("a", "br-VM"));
        assertThat(fabric.attach("h2", vm("a", "br-VM"))).isEqualTo(new PortAttachment.Refused("N-04",
                "VM a already has port vnet0 on host h1; detach it first"));
    }

    @Test
    void eachBridgeIsUplinkedByItsBondAndAVlanBridgeByTheTaggedSubinterfaceOfTheGuestBond() { // N-01, N-03
        NetworkFabric fabric = fabric(host("h1"), host("h2"));
        fabric.attach("h1", vm("a", "br-VM.101", "br-VM"));

        assertThat(fabric.host("h1").bridgeDetails()).containsExactly(
                new HostBridge("br-MGMT", "bond-MGMT", null), new HostBridge("br-VM", "bond-VM", null),
                new HostBridge("br-PN", null, null), new HostBridge("br-CN", null, null),
                new HostBridge("cloud0", null, null), new HostBridge("br-VM.101", "bond-VM.101", 101));
        assertThat(fabric.host("h2").bridgeDetails()).extracting(HostBridge::name)
                .containsExactly("br-MGMT", "br-VM", "br-PN", "br-CN", "cloud0");
        assertThat(fabric.host("h2").bridge(BridgeRef.vlan(7)).describe())
                .isEqualTo("br-VM.7 <- bond-VM.7 (the VLAN 7 802.1Q-tagged subinterface of bond-VM)");
        assertThat(new HostBridge("br-VM", "bond-VM", null).describe()).isEqualTo("br-VM <- bond-VM");
        assertThat(new HostBridge("br-PN", null, null).describe()).isEqualTo("br-PN (no uplink described)");
    }

    @Test
    void badBridgesAreRefused() {
        NetworkFabric fabric = fabric(host("h1"));
        // N-01: a host has only its native Linux bridges, so a NIC on any other (an Open vSwitch one) gets no port
        assertThat(fabric.attach("h1", vm("a", "br-FOO"))).isEqualTo(new PortAttachment.Refused("N-01",
                "NIC 0: unknown bridge 'br-FOO'; a host has br-MGMT, br-VM, br-PN, br-CN, cloud0 and VLAN bridges "
                        + "like br-VM.101"));
        assertThat(fabric.attach("h1", vm("a", "br-VM.5000"))).extracting(a -> ((PortAttachment.Refused) a).rule())
                .isEqualTo("N-03");
        assertThatThrownBy(() -> BridgeRef.vlan(4095)).hasMessage("VLAN 4095 is not a usable 802.1Q VLAN ID (1..4094)");
        assertThatThrownBy(() -> fabric.nicDown("h1", "eth7")).hasMessage(
                "host h1 has no NIC eth7 (NICs: eno1, eno2, eno3, eno4)");
    }

    @Test
    void eachProblemCarriesItsRuleAndField() {
        List<HostNetworkProblem> found = HostNetwork.findProblems(hostWithBonds("h1", List.of(
                new BondSpec("bond0", null, List.of("eno1"), "br-VM"),
                new BondSpec("bond-X", null, List.of("eno2"), "cloud0"),
                new BondSpec("bond-MGMT", BondMode.LACP, List.of("eno3", "eno9"), "br-MGMT"))), false);
        assertThat(found).extracting(HostNetworkProblem::rule, HostNetworkProblem::field, HostNetworkProblem::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("N-05", "bonds[0].name", "bond0"),
                        org.assertj.core.groups.Tuple.tuple("N-02", "bonds[1].bridge", "cloud0"),
                        org.assertj.core.groups.Tuple.tuple("N-06", "bonds[2].slaves[1]", "eno9"),
                        org.assertj.core.groups.Tuple.tuple("N-07", "bonds[2].mode", "802.3ad"));
    }

    @Test
    void aClusterFabricHonoursAHostWhoseSwitchLacksLacp() {
        var lacp = hostWithBonds("h1", List.of(new BondSpec("bond-VM", BondMode.LACP, List.of("eno3", "eno4"), "br-VM")));
        var cluster = new io.cellharness.core.model.ClusterSpec("c", null, List.of(lacp), null);
        assertThat(NetworkFabric.of(cluster, true).host("h1").uplinkGbps(StandardBridge.VM)).isEqualTo(20);
        var withoutLacp = cluster.withHosts(List.of(lacp.withSwitchLacp(false)));
        assertThatThrownBy(() -> NetworkFabric.of(withoutLacp, true)).hasMessageContaining(
                "bond-VM uses 802.3ad (LACP), which needs link aggregation configured on the switch");
    }
}
