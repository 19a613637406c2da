package io.cellharness.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.BondMode;
import io.cellharness.core.model.BondSpec;
import io.cellharness.core.model.HostNicSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.network.Bond;
import io.cellharness.core.network.BondStatus;
import io.cellharness.core.network.Endpoint;
import io.cellharness.core.network.HostNetwork;
import io.cellharness.core.network.HostNetworkProblem;
import io.cellharness.core.network.HostSetup;
import io.cellharness.core.network.NetworkFabric;
import io.cellharness.core.network.Port;
import io.cellharness.core.network.PortAttachment;
import io.cellharness.core.network.Reachability;
import io.cucumber.java.DataTableType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The host network (N-01 … N-07) through {@link NetworkFabric}, {@link HostNetwork} and {@link Bond}: bridges, VLANs,
 * ports, bonds and reachability, as the engine keeps them for every backend.
 */
public class NetworkSteps {

    private final ScenarioWorld world;
    private NetworkFabric fabric;
    private final Map<String, HostSetup> setups = new LinkedHashMap<>();
    private final Map<String, PortAttachment> attachments = new LinkedHashMap<>();
    private List<List<String>> frames = List.of();
    private Reachability.Unreachable lastUnreachable;

    public NetworkSteps(ScenarioWorld world) {
        this.world = world;
    }

    /** An expected row of a ports table: {@code | port | vm | nic |}. */
    public record PortRow(String port, String vm, int nic) {
    }

    @DataTableType
    public PortRow portRow(Map<String, String> row) {
        return new PortRow(row.get("port"), row.get("vm"), Integer.parseInt(row.get("nic")));
    }

    // ---- describing hosts and VMs ----

    private static List<HostNicSpec> nics(String names, int gbps) {
        List<HostNicSpec> nics = new ArrayList<>();
        for (String name : CpuSteps.names(names)) {
            nics.add(new HostNicSpec(name, gbps));
        }
        return nics;
    }

    @Given("a host {string} with the NICs {string} of {int} Gb\\/s")
    public void hostWithNics(String host, String names, int gbps) {
        world.addHost(new HostSpec(host, CpuSteps.HOST_CORES, CpuSteps.HOST_MEMORY, null, null, null, null,
                nics(names, gbps), null));
    }

    @Given("the host {string} has the NICs {string} of {int} Gb\\/s")
    public void hostHasNics(String host, String names, int gbps) {
        world.changeHost(host, h -> {
            List<HostNicSpec> all = new ArrayList<>(h.nics());
            all.addAll(nics(names, gbps));
            return h.withNetwork(all, h.bonds());
        });
    }

    @Given("the host {string} bonds {string} as {string} in {bondMode} mode")
    public void bond(String host, String slaves, String bond, BondMode mode) {
        world.changeHost(host, h -> {
            List<BondSpec> bonds = new ArrayList<>(h.bonds());
            bonds.add(new BondSpec(bond, mode, CpuSteps.names(slaves), null));
            return h.withNetwork(h.nics(), bonds);
        });
    }

    @Given("every host bonds {string} as {string} in {bondMode} mode")
    public void bondEverywhere(String slaves, String bond, BondMode mode) {
        for (HostSpec h : world.hosts()) {
            bond(h.name(), slaves, bond, mode);
        }
    }

    @Given("the switch of {string} does not support LACP")
    public void noLacp(String host) {
        world.changeHost(host, h -> h.withSwitchLacp(false));
    }

    private static VmNicSpec nic(String bridge, String mac) {
        int dot = bridge.indexOf('.');
        String network = dot < 0 ? bridge : bridge.substring(0, dot);
        Integer vlan = dot < 0 ? null : Integer.valueOf(bridge.substring(dot + 1));
        return new VmNicSpec(mac, network, vlan, null);
    }

    /** A MAC of its own for every NIC of the scenario, so bond hashing has something to hash. */
    private String nextMac(int nicIndex) {
        return String.format(Locale.ROOT, "02:00:00:00:%02x:%02x", world.vms().size() + 1, nicIndex);
    }

    private VmSpec vm(String name, String bridge, String mac, String host) {
        return SpecSteps.plainVm(name, Size.ofGiB(4), 2).withNics(List.of(nic(bridge, mac))).withHost(host);
    }

    @Given("a VM {string} with a NIC on {string} placed on {string}")
    public void vmOn(String name, String bridge, String host) {
        world.addVm(vm(name, bridge, nextMac(0), host));
    }

    @Given("a VM {string} with MAC {string} on {string} placed on {string}")
    public void vmWithMac(String name, String mac, String bridge, String host) {
        world.addVm(vm(name, bridge, mac, host));
    }

    @Given("a system VM {string} with a NIC on {string} placed on {string}")
    public void systemVm(String name, String bridge, String host) {
        world.addVm(vm(name, bridge, nextMac(0), host).withSystemVm(true));
    }

    @Given("the VM {string} has another NIC on {string}")
    public void anotherNic(String name, String bridge) {
        int index = world.vm(name).nics().size();
        String mac = String.format(Locale.ROOT, "02:00:00:01:%02x:%02x", world.vms().indexOf(world.vm(name)) + 1,
                index);
        world.changeVm(name, v -> {
            List<VmNicSpec> all = new ArrayList<>(v.nics());
            all.add(nic(bridge, mac));
            return v.withNics(all);
        });
    }

    // ---- bringing it up ----

    /** Every host configured from its specification, then every placed VM attached in specification order. */
    @When("the cluster network is brought up")
    public void bringUp() {
        fabric = new NetworkFabric();
        for (HostSpec host : world.hosts()) {
            setups.put(host.name(), fabric.addHost(host, host.switchSupportsLacp()));
        }
        for (VmSpec vm : world.vms()) {
            if (vm.host() != null && setups.get(vm.host()) instanceof HostSetup.Configured) {
                attachments.put(vm.name(), fabric.attach(vm.host(), vm));
            }
        }
    }

    @When("the VM {string} stops")
    public void stop(String vm) {
        assertThat(fabric.detach(vm)).as("ports of %s", vm).isNotEmpty();
    }

    @When("the VM {string} starts again on {string}")
    public void start(String vm, String host) {
        PortAttachment attached = fabric.attach(host, world.vm(vm));
        assertThat(attached).as("ports of %s", vm).isInstanceOf(PortAttachment.Attached.class);
    }

    @When("the NIC {string} of {string} goes down")
    public void nicDown(String nic, String host) {
        fabric.nicDown(host, nic);
    }

    @When("the NIC {string} of {string} comes back")
    public void nicUp(String nic, String host) {
        fabric.nicUp(host, nic);
    }

    // ---- bridges and ports ----

    @Then("every host has the bridges {string}")
    public void everyHostHasBridges(String bridges) {
        assertThat(fabric.hosts()).hasSize(world.hosts().size());
        for (HostNetwork net : fabric.hosts()) {
            assertThat(net.bridges()).as("bridges of %s", net.host()).startsWith(CpuSteps.names(bridges)
                    .toArray(new String[0]));
        }
    }

    /** N-01, N-03: every bridge of the host in order, with the interface that uplinks it (empty: none described). */
    @Then("the bridges of {string} and their uplinks are:")
    public void bridgesAndUplinks(String host, List<Map<String, String>> rows) {
        List<String> expected = rows.stream().map(r -> r.get("bridge") + " <- "
                + (r.get("uplink") == null ? "-" : r.get("uplink"))).toList();
        List<String> actual = fabric.host(host).bridgeDetails().stream().map(b -> b.name() + " <- "
                + (b.uplink() == null ? "-" : b.uplink())).toList();
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Then("the uplink of {string} on {string} is {string}, which carries the tag: {string}")
    public void vlanUplink(String bridge, String host, String uplink, String description) {
        var b = fabric.host(host).bridgeDetails().stream().filter(x -> x.name().equals(bridge)).findFirst();
        assertThat(b).as("bridge %s on %s", bridge, host).isPresent();
        assertThat(b.get().uplink()).isEqualTo(uplink);
        assertThat(b.get().describe()).isEqualTo(description);
    }

    @Then("the host {string} has the bridge {string}")
    public void hostHasBridge(String host, String bridge) {
        assertThat(fabric.host(host).bridges()).contains(bridge);
    }

    @Then("the port of {string} is on the bridge {string}")
    public void portBridge(String vm, String bridge) {
        assertThat(fabric.port(vm, 0)).as("port of %s", vm).isPresent();
        assertThat(fabric.port(vm, 0).orElseThrow().bridge().name()).isEqualTo(bridge);
    }

    @Then("the ports on {string} are:")
    public void ports(String host, List<PortRow> expected) {
        List<PortRow> actual = new ArrayList<>();
        for (Port p : fabric.host(host).ports()) {
            actual.add(new PortRow(p.name(), p.vm(), p.nicIndex()));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Then("the VM {string} gets no port \\({word}): {string}")
    public void noPort(String vm, String rule, String text) {
        assertThat(attachments.get(vm)).as("ports of %s", vm).isInstanceOf(PortAttachment.Refused.class);
        PortAttachment.Refused refused = (PortAttachment.Refused) attachments.get(vm);
        assertThat(refused.rule()).isEqualTo(rule);
        assertThat(refused.reason()).contains(text);
    }

    // ---- reachability ----

    @Then("host {string} on {string} reaches {string}")
    public void hostReaches(String host, String bridge, String vm) {
        assertReachable(fabric.reach(Endpoint.host(host, bridge), Endpoint.vm(vm, 0)));
    }

    @Then("host {string} on {string} cannot reach {string} \\({word})")
    public void hostCannotReach(String host, String bridge, String vm, String rule) {
        assertUnreachable(fabric.reach(Endpoint.host(host, bridge), Endpoint.vm(vm, 0)), rule);
    }

    @Then("{string} reaches {string}")
    public void reaches(String from, String to) {
        assertReachable(fabric.reach(Endpoint.vm(from, 0), Endpoint.vm(to, 0)));
    }

    @Then("{string} reaches {string} through {string}")
    public void reachesThrough(String from, String to, String via) {
        Reachability r = fabric.reach(Endpoint.vm(from, 0), Endpoint.vm(to, 0));
        assertReachable(r);
        assertThat(((Reachability.Reachable) r).path()).contains(via);
    }

    @Then("{string} cannot reach {string} \\({word})")
    public void cannotReach(String from, String to, String rule) {
        assertUnreachable(fabric.reach(Endpoint.vm(from, 0), Endpoint.vm(to, 0)), rule);
    }

    @Then("the reason is {string}")
    public void lastReason(String text) {
        assertThat(lastUnreachable.reason()).contains(text);
    }

    private static void assertReachable(Reachability r) {
        assertThat(r).as("%s", r).isInstanceOf(Reachability.Reachable.class);
    }

    private void assertUnreachable(Reachability r, String rule) {
        assertThat(r).as("%s", r).isInstanceOf(Reachability.Unreachable.class);
        lastUnreachable = (Reachability.Unreachable) r;
        assertThat(lastUnreachable.rule()).isEqualTo(rule);
    }

    // ---- bonds ----

    private Bond uplinkOf(Port port) {
        return fabric.host(port.host()).uplink(port.bridge().base()).orElseThrow(() -> new IllegalStateException(
                "host " + port.host() + " has no bond uplinking " + port.bridge().base()));
    }

    @When("{int} frames go from {string} to {string}")
    public void send(int count, String from, String to) {
        Port src = fabric.port(from, 0).orElseThrow();
        Port dst = fabric.port(to, 0).orElseThrow();
        Bond bond = uplinkOf(src);
        List<List<String>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(bond.transmit(src.macValue(), dst.macValue()));
        }
        frames = sent;
    }

    /** Frames in order, comma separated; a frame sent by several slaves at once is written {@code eno3+eno4}. */
    @Then("they leave by {string}")
    public void leaveBy(String expected) {
        List<String> actual = frames.stream().map(slaves -> String.join("+", slaves)).toList();
        assertThat(String.join(", ", actual)).isEqualTo(expected);
    }

    @Then("{string} of {string} carries {double} Gb\\/s")
    public void throughput(String bond, String host, double gbps) {
        assertThat(status(host, bond).throughputGbps()).isEqualTo(gbps);
    }

    @Then("the active slave of {string} on {string} is {string}")
    public void activeSlave(String bond, String host, String nic) {
        assertThat(status(host, bond).activeSlave()).isEqualTo(nic);
    }

    private BondStatus status(String host, String bond) {
        return fabric.host(host).bonds().stream().filter(b -> b.name().equals(bond)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("host " + host + " has no bond " + bond));
    }

    @Then("the network of {string} is refused \\({word}): {string}")
    public void hostRefused(String host, String rule, String text) {
        assertThat(setups.get(host)).as("network of %s", host).isInstanceOf(HostSetup.Refused.class);
        assertThat(((HostSetup.Refused) setups.get(host)).problems()).anySatisfy(p -> assertThat(p).contains(text));
        HostSpec spec = world.host(host);
        assertThat(HostNetwork.findProblems(spec, spec.switchSupportsLacp())).extracting(HostNetworkProblem::rule)
                .contains(rule);
    }
}
