package io.cellharness.core.network;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.mac.MacAddress;
import io.cellharness.core.model.BondMode;
import io.cellharness.core.model.BondSpec;
import io.cellharness.core.model.HostNicSpec;
import io.cellharness.core.model.HostSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One host's network: the standard bridges (N-01), VLAN bridges created as ports need them (N-03), the {@code vnet}
 * ports of its VMs (N-04) and the bonds uplinking its bridges (N-05 … N-07).
 *
 * <p>A bridge whose uplink the host specification does not describe (no bond for it) is taken to have a working
 * uplink of {@link Limits#UNDESCRIBED_UPLINK_GBPS}; faults can be injected only into what is described. Changes go
 * through {@link NetworkFabric}, which keeps the cluster-wide rules.
 */
public final class HostNetwork {

    private final String host;
    private final Map<String, Integer> nicSpeeds = new LinkedHashMap<>();
    private final Map<String, Boolean> nicUp = new LinkedHashMap<>();
    private final EnumMap<StandardBridge, Bond> uplinks = new EnumMap<>(StandardBridge.class);
    private final Set<String> vlanBridges = new LinkedHashSet<>();
    private final Map<String, Port> ports = new LinkedHashMap<>();
    private int nextVnet = Limits.VNET_FIRST_NUMBER;
    private boolean up = true;
    private boolean switchLacp;

    private HostNetwork(String host, boolean switchLacp) {
        this.host = host;
        this.switchLacp = switchLacp;
    }

    /**
     * Configures a host's network from its specification, refusing what N-02, N-05 and N-07 forbid.
     *
     * @param switchLacp whether the switch the host's NICs plug into supports 802.3ad link aggregation
     */
    public static HostSetup configure(HostSpec spec, boolean switchLacp) {
        List<String> problems = problems(spec, switchLacp);
        if (!problems.isEmpty()) {
            return new HostSetup.Refused(problems);
        }
        HostNetwork net = new HostNetwork(spec.name(), switchLacp);
        for (HostNicSpec nic : spec.nics()) {
            net.nicSpeeds.put(nic.name(), nic.speedGbps());
            net.nicUp.put(nic.name(), true);
        }
        for (BondSpec bond : spec.bonds()) {
            StandardBridge bridge = uplinkOf(bond).orElseThrow();
            List<Integer> speeds = bond.slaves().stream().map(net.nicSpeeds::get).toList();
            net.uplinks.put(bridge, new Bond(bond.name(), bond.mode(), bridge, bond.slaves(), speeds, switchLacp));
        }
        return new HostSetup.Configured(net);
    }

    /** Every reason the host's bonds cannot be configured, one line each naming the host; empty when they can. */
    public static List<String> problems(HostSpec spec, boolean switchLacp) {
        List<String> lines = new ArrayList<>();
        for (HostNetworkProblem p : findProblems(spec, switchLacp)) {
            lines.add("host " + spec.name() + ": " + p.message());
        }
        return lines;
    }

    /**
     * Every reason the host's NICs and bonds cannot be configured, with the rule and the field; empty when they can.
     *
     * @param switchLacp whether the switch the host's NICs plug into supports 802.3ad link aggregation
     */
    public static List<HostNetworkProblem> findProblems(HostSpec spec, boolean switchLacp) {
        List<HostNetworkProblem> problems = new ArrayList<>();
        Map<String, Integer> nics = new LinkedHashMap<>();
        for (int n = 0; n < spec.nics().size(); n++) {
            HostNicSpec nic = spec.nics().get(n);
            if (nics.putIfAbsent(nic.name(), nic.speedGbps()) != null) {
                problems.add(new HostNetworkProblem("N-06", "nics[" + n + "].name", nic.name(),
                        "NIC " + nic.name() + " is listed twice"));
            }
        }
        Map<String, String> bondOfNic = new LinkedHashMap<>();
        Map<StandardBridge, String> bondOfBridge = new EnumMap<>(StandardBridge.class);
        for (int b = 0; b < spec.bonds().size(); b++) {
            BondSpec bond = spec.bonds().get(b);
            String at = "bonds[" + b + "]";
            String name = bond.name();
            if (name == null || !name.startsWith(NetworkNames.BOND_PREFIX) || name.length() == NetworkNames.BOND_PREFIX.length()) {
                problems.add(new HostNetworkProblem("N-05", at + ".name", name, "bond '" + name + "' must be named "
                        + NetworkNames.BOND_PREFIX + "<name>, e.g. bond-VM; the management bond is "
                        + NetworkNames.MANAGEMENT_BOND + " (N-05)"));
                continue;
            }
            Optional<StandardBridge> bridge = uplinkOf(bond);
            if (bridge.isEmpty()) {
                boolean cloud0 = StandardBridge.CLOUD0.bridgeName().equals(bond.bridge());
                problems.add(new HostNetworkProblem(cloud0 ? "N-02" : "N-01", at + ".bridge",
                        bond.bridge() == null ? "absent" : bond.bridge(), bridgeProblem(bond)));
                continue;
            }
            if (bridge.get() == StandardBridge.MGMT && !name.equals(NetworkNames.MANAGEMENT_BOND)) {
                problems.add(new HostNetworkProblem("N-05", at + ".name", name, "the bond uplinking br-MGMT must be "
                        + "named " + NetworkNames.MANAGEMENT_BOND + ", not " + name + " (N-05)"));
            }
            if (name.equals(NetworkNames.MANAGEMENT_BOND) && bridge.get() != StandardBridge.MGMT) {
                problems.add(new HostNetworkProblem("N-05", at + ".bridge", bridge.get().bridgeName(),
                        NetworkNames.MANAGEMENT_BOND + " is the management bond and uplinks br-MGMT, not "
                                + bridge.get() + " (N-05)"));
            }
            String other = bondOfBridge.putIfAbsent(bridge.get(), name);
            if (other != null) {
                problems.add(new HostNetworkProblem("N-06", at + ".bridge", bridge.get().bridgeName(),
                        "bonds " + other + " and " + name + " both uplink " + bridge.get()));
            }
            if (bond.slaves().isEmpty()) {
                problems.add(new HostNetworkProblem("N-06", at + ".slaves", "none", name + " has no slave NICs"));
            } else if (bond.slaves().size() > Limits.BOND_MAX_SLAVES) {
                problems.add(new HostNetworkProblem("N-06", at + ".slaves", String.valueOf(bond.slaves().size()),
                        name + " has " + bond.slaves().size() + " slaves; the model takes at most "
                                + Limits.BOND_MAX_SLAVES));
            }
            Set<String> seen = new LinkedHashSet<>();
            for (int s = 0; s < bond.slaves().size(); s++) {
                String slave = bond.slaves().get(s);
                String slaveAt = at + ".slaves[" + s + "]";
                if (!seen.add(slave)) {
                    problems.add(new HostNetworkProblem("N-06", slaveAt, slave, name + " lists slave " + slave
                            + " twice"));
                } else if (!nics.containsKey(slave)) {
                    problems.add(new HostNetworkProblem("N-06", slaveAt, slave, name + " slave " + slave
                            + " is not a NIC of the host (NICs: "
                            + (nics.isEmpty() ? "none listed" : String.join(", ", nics.keySet())) + ")"));
                } else {
                    String owner = bondOfNic.putIfAbsent(slave, name);
                    if (owner != null) {
                        problems.add(new HostNetworkProblem("N-06", slaveAt, slave, "NIC " + slave
                                + " is a slave of both " + owner + " and " + name));
                    }
                }
            }
            if (bond.mode() == BondMode.LACP && !switchLacp) {
                problems.add(new HostNetworkProblem("N-07", at + ".mode", bond.mode().yamlName(),
                        Bond.lacpRefusal(name)));
            }
        }
        return problems;
    }

    /** The bridge a bond uplinks: its own {@code bridge}, or the one its name implies ({@code bond-VM} → br-VM). */
    private static Optional<StandardBridge> uplinkOf(BondSpec bond) {
        String bridge = bond.bridge() != null ? bond.bridge()
                : "br-" + bond.name().substring(NetworkNames.BOND_PREFIX.length());
        return StandardBridge.byName(bridge).filter(b -> !b.hostOnly());
    }

    private static String bridgeProblem(BondSpec bond) {
        if (bond.bridge() == null) {
            return bond.name() + " names no bridge and its name implies none of br-MGMT, br-VM, br-PN, br-CN; "
                    + "give its bridge";
        }
        if (StandardBridge.CLOUD0.bridgeName().equals(bond.bridge())) {
            return bond.name() + " cannot uplink cloud0: cloud0 is host-only and has no uplink (N-02)";
        }
        return bond.name() + " uplinks '" + bond.bridge() + "', which is not a host bridge; uplinked bridges are "
                + "br-MGMT, br-VM, br-PN and br-CN";
    }

    public String host() {
        return host;
    }

    public boolean isUp() {
        return up;
    }

    public boolean switchSupportsLacp() {
        return switchLacp;
    }

    /** The standard bridges (N-01), then the VLAN bridges in the order they were created (N-03). */
    public List<String> bridges() {
        List<String> out = new ArrayList<>();
        for (StandardBridge b : StandardBridge.values()) {
            out.add(b.bridgeName());
        }
        out.addAll(vlanBridges);
        return out;
    }

    /**
     * Every bridge with its uplink, in the order of {@link #bridges()}: each standard bridge uplinked by the bond
     * configured for it (N-01, N-05), cloud0 by none (N-02), and each VLAN bridge by the 802.1Q subinterface of its
     * base bridge's bond tagged with the VLAN, e.g. {@code br-VM.101} by {@code bond-VM.101} (N-03).
     */
    public List<HostBridge> bridgeDetails() {
        List<HostBridge> out = new ArrayList<>();
        for (String name : bridges()) {
            out.add(bridge(BridgeRef.parse(name)));
        }
        return out;
    }

    /** {@code ref} as this host has it or would create it, with its uplink (see {@link #bridgeDetails()}). */
    public HostBridge bridge(BridgeRef ref) {
        Bond bond = uplinks.get(ref.base());
        String uplink = ref.base().hostOnly() || bond == null ? null
                : ref.vlan() == null ? bond.name() : bond.name() + "." + ref.vlan();
        return new HostBridge(ref.name(), uplink, ref.vlan());
    }

    /** The ports on this host in creation order. */
    public List<Port> ports() {
        return List.copyOf(ports.values());
    }

    public Optional<Bond> uplink(StandardBridge bridge) {
        return Optional.ofNullable(uplinks.get(bridge));
    }

    public List<BondStatus> bonds() {
        return uplinks.values().stream().map(Bond::status).toList();
    }

    public List<String> nics() {
        return List.copyOf(nicUp.keySet());
    }

    public boolean nicUp(String nic) {
        return nicUp.getOrDefault(nic, false);
    }

    /**
     * The bandwidth this host has towards other hosts on {@code bridge}'s network: the bond's documented throughput
     * (N-06), {@link Limits#UNDESCRIBED_UPLINK_GBPS} for an undescribed uplink, 0 when cut off, powered off, or for
     * host-only cloud0.
     */
    public double uplinkGbps(StandardBridge bridge) {
        if (!up || bridge.hostOnly()) {
            return 0;
        }
        Bond bond = uplinks.get(bridge);
        return bond == null ? Limits.UNDESCRIBED_UPLINK_GBPS : bond.throughputGbps();
    }

    /** Why this host cannot exchange frames with other hosts on {@code bridge}'s network, if it cannot. */
    public Optional<String> cutOff(StandardBridge bridge) {
        if (!up) {
            return Optional.of("host " + host + " is powered off");
        }
        if (bridge.hostOnly()) {
            return Optional.of("cloud0 on host " + host + " is host-only (N-02)");
        }
        Bond bond = uplinks.get(bridge);
        if (bond != null && !bond.carriesTraffic()) {
            return Optional.of("host " + host + " is cut off " + bridge + ": " + bond.downReason());
        }
        return Optional.empty();
    }

    /** The uplink part of a path description, e.g. {@code bond-VM(eno2)}. */
    String uplinkDescription(StandardBridge bridge) {
        Bond bond = uplinks.get(bridge);
        if (bond == null) {
            return host + " uplink of " + bridge;
        }
        String via = bond.activeSlave() != null ? bond.activeSlave()
                : String.join("+", bond.status().slaves().stream().filter(BondStatus.Slave::up)
                .map(BondStatus.Slave::nic).toList());
        return host + " " + bond.name() + "(" + via + ")";
    }

    // ---- changes, made through NetworkFabric ----

    Optional<BondStatus> setNicLink(String nic, boolean linkUp) {
        if (!nicUp.containsKey(nic)) {
            throw new IllegalArgumentException("host " + host + " has no NIC " + nic + " (NICs: "
                    + (nicUp.isEmpty() ? "none listed" : String.join(", ", nicUp.keySet())) + ")");
        }
        nicUp.put(nic, linkUp);
        for (Bond bond : uplinks.values()) {
            if (bond.hasSlave(nic)) {
                bond.setLink(nic, linkUp);
                return Optional.of(bond.status());
            }
        }
        return Optional.empty();
    }

    void setSwitchLacp(boolean supported) {
        switchLacp = supported;
        for (Bond bond : uplinks.values()) {
            bond.setLacpPartner(supported);
        }
    }

    /** Powers the host off: its VMs and their ports are gone. */
    List<Port> powerOff() {
        up = false;
        List<Port> gone = List.copyOf(ports.values());
        ports.clear();
        return gone;
    }

    /** Powers the host on: a new uptime, so {@code vnet} numbering starts again (N-04). */
    void powerOn() {
        if (!up) {
            up = true;
            nextVnet = Limits.VNET_FIRST_NUMBER;
            vlanBridges.clear();
        }
    }

    Port addPort(String vm, int nicIndex, BridgeRef bridge, MacAddress mac, boolean systemVm) {
        // N-04: numbers only grow during an uptime, so a port name is never reused for another VM before reboot.
        Port port = new Port(host, NetworkNames.portName(nextVnet++), vm, nicIndex, bridge, mac, systemVm);
        ports.put(port.name(), port);
        if (bridge.vlan() != null) {
            vlanBridges.add(bridge.name());
        }
        return port;
    }

    List<Port> removePorts(String vm) {
        List<Port> gone = new ArrayList<>();
        ports.values().removeIf(p -> {
            if (p.vm().equals(vm)) {
                gone.add(p);
                return true;
            }
            return false;
        });
        return gone;
    }

    @Override
    public String toString() {
        return "network of " + host;
    }
}
