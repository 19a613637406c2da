package io.cellharness.core.network;

import io.cellharness.core.mac.MacAddress;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network of a whole cluster: every host's {@link HostNetwork}, joined by one switch fabric that carries each
 * uplinked network (br-MGMT, br-VM with its VLANs as a trunk, br-PN, br-CN) between hosts.
 *
 * <p>A simulator drives it: {@link #setNicLink} (a NIC or bond slave going down or up), {@link #setSwitchLacp} (the
 * switch stops or starts speaking LACP), {@link #powerOff}/{@link #powerOn}, {@link #attach}/{@link #detach} as VMs
 * start, stop and migrate; and asks {@link #reach}. Single-threaded like the rest of the engine.
 */
public final class NetworkFabric {

    private final Map<String, HostNetwork> hosts = new LinkedHashMap<>();

    /**
     * Adds a host, configured from its specification.
     *
     * @param switchLacp whether the switch its NICs plug into supports 802.3ad
     * @throws IllegalArgumentException if the fabric already has a host of that name
     */
    public HostSetup addHost(HostSpec host, boolean switchLacp) {
        if (hosts.containsKey(host.name())) {
            throw new IllegalArgumentException("the network already has host " + host.name());
        }
        HostSetup setup = HostNetwork.configure(host, switchLacp);
        if (setup instanceof HostSetup.Configured configured) {
            hosts.put(host.name(), configured.network());
        }
        return setup;
    }

    /**
     * The network of every host of {@code cluster}, all links up, with the VMs placed on a host attached to it in
     * specification order.
     *
     * @param switchLacp whether the switches support 802.3ad; a host whose specification says its switch does not
     *                   ({@link HostSpec#switchSupportsLacp()}) is configured without it either way (N-07)
     * @throws IllegalArgumentException with every problem when a host or VM cannot be configured
     */
    public static NetworkFabric of(ClusterSpec cluster, boolean switchLacp) {
        NetworkFabric fabric = new NetworkFabric();
        List<String> problems = new ArrayList<>();
        for (HostSpec host : cluster.hosts()) {
            if (fabric.addHost(host, switchLacp && host.switchSupportsLacp()) instanceof HostSetup.Refused refused) {
                problems.addAll(refused.problems());
            }
        }
        for (VmSpec vm : cluster.vms()) {
            if (vm.host() != null && fabric.hosts.containsKey(vm.host())
                    && fabric.attach(vm.host(), vm) instanceof PortAttachment.Refused refused) {
                problems.add("VM " + vm.name() + ": " + refused.reason());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return fabric;
    }

    public HostNetwork host(String name) {
        HostNetwork net = hosts.get(name);
        if (net == null) {
            throw new IllegalArgumentException("the network has no host " + name + " (hosts: "
                    + String.join(", ", hosts.keySet()) + ")");
        }
        return net;
    }

    public List<HostNetwork> hosts() {
        return List.copyOf(hosts.values());
    }

    // ---- faults ----

    /**
     * A NIC's link goes down or comes back. If the NIC is a bond slave, the bond fails over or recovers (N-07) and its
     * new status is returned.
     */
    public Optional<BondStatus> setNicLink(String host, String nic, boolean up) {
        return host(host).setNicLink(nic, up);
    }

    public Optional<BondStatus> nicDown(String host, String nic) {
        return setNicLink(host, nic, false);
    }

    public Optional<BondStatus> nicUp(String host, String nic) {
        return setNicLink(host, nic, true);
    }

    /** The switch of {@code host} starts or stops supporting 802.3ad; its LACP bonds carry traffic only with it. */
    public void setSwitchLacp(String host, boolean supported) {
        host(host).setSwitchLacp(supported);
    }

    /** The host powers off: it reaches nothing and its VMs' ports are gone (returned). */
    public List<Port> powerOff(String host) {
        return host(host).powerOff();
    }

    /** The host powers on with no VMs; its {@code vnet} numbering starts again (N-04). */
    public void powerOn(String host) {
        host(host).powerOn();
    }

    // ---- ports ----

    /**
     * Creates a port for every NIC of {@code vm} on {@code host}, in NIC order, named {@code vnet<N>} in creation
     * order (N-04). Refused as a whole if the host is off, a NIC names an unknown bridge, a guest VM asks for cloud0
     * (N-02), or the VM already has ports (on this or another host: detach them first).
     */
    public PortAttachment attach(String host, VmSpec vm) {
        HostNetwork net = host(host);
        if (!net.isUp()) {
            return new PortAttachment.Refused("N-04", "host " + host + " is powered off");
        }
        for (HostNetwork other : hosts.values()) {
            for (Port p : other.ports()) {
                if (p.vm().equals(vm.name())) {
                    return new PortAttachment.Refused("N-04", "VM " + vm.name() + " already has port " + p.name()
                            + " on host " + p.host() + "; detach it first");
                }
            }
        }
        List<BridgeRef> bridges = new ArrayList<>();
        List<MacAddress> macs = new ArrayList<>();
        for (int n = 0; n < vm.nics().size(); n++) {
            VmNicSpec nic = vm.nics().get(n);
            BridgeRef bridge;
            try {
                bridge = BridgeRef.of(nic);
            } catch (IllegalArgumentException e) {
                // N-01: a host has only its native Linux bridges (never an Open vSwitch one); N-03: their VLANs
                String rule = StandardBridge.byName(nic.network()).isEmpty() ? "N-01" : "N-03";
                return new PortAttachment.Refused(rule, "NIC " + n + ": " + e.getMessage());
            }
            if (bridge.base().hostOnly() && !vm.isSystemVm()) {
                return new PortAttachment.Refused("N-02", "NIC " + n + ": cloud0 connects system VMs to their host "
                        + "only; " + vm.name() + " is not a system VM");
            }
            MacAddress mac = null;
            if (nic.mac() != null) {
                try {
                    mac = MacAddress.parse(nic.mac());
                } catch (IllegalArgumentException e) {
                    return new PortAttachment.Refused("M-01", "NIC " + n + ": " + e.getMessage());
                }
            }
            bridges.add(bridge);
            macs.add(mac);
        }
        List<Port> created = new ArrayList<>();
        for (int n = 0; n < bridges.size(); n++) {
            created.add(net.addPort(vm.name(), n, bridges.get(n), macs.get(n), vm.isSystemVm()));
        }
        return new PortAttachment.Attached(created);
    }

    /** Removes every port of {@code vm}, wherever it is (the VM stopped or left the host); returns them. */
    public List<Port> detach(String vm) {
        List<Port> gone = new ArrayList<>();
        for (HostNetwork net : hosts.values()) {
            gone.addAll(net.removePorts(vm));
        }
        return gone;
    }

    /** The port of a VM's NIC, if the VM runs somewhere. */
    public Optional<Port> port(String vm, int nic) {
        for (HostNetwork net : hosts.values()) {
            for (Port p : net.ports()) {
                if (p.vm().equals(vm) && p.nicIndex() == nic) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    // ---- queries ----

    /** G-02/G-03: the bandwidth between two hosts on the management network, 0 when either is cut off. */
    public double managementGbps(String hostA, String hostB) {
        if (!reach(Endpoint.host(hostA, StandardBridge.MGMT.bridgeName()),
                Endpoint.host(hostB, StandardBridge.MGMT.bridgeName())).reachable()) {
            return 0;
        }
        return Math.min(host(hostA).uplinkGbps(StandardBridge.MGMT), host(hostB).uplinkGbps(StandardBridge.MGMT));
    }

    /**
     * Does a frame from {@code from} get to {@code to}? Layer 2 only:
     * <ul>
     *   <li>cloud0 (N-02): only between a host and a system VM on that same host;</li>
     *   <li>different bridges never reach each other: different VLANs are isolated, and a VLAN is not its untagged
     *       bridge (N-03);</li>
     *   <li>on one host, a shared bridge is enough;</li>
     *   <li>across hosts, both hosts' uplinks of the network must carry traffic (a bond with a live slave, an
     *       802.3ad bond with its LACP partner; N-07), and both hosts must be powered on.</li>
     * </ul>
     */
    public Reachability reach(Endpoint from, Endpoint to) {
        Located a;
        Located b;
        try {
            a = locate(from);
            b = locate(to);
        } catch (IllegalArgumentException e) {
            return new Reachability.Unreachable("N-01", e.getMessage());
        }
        if (a.unreachable != null) {
            return a.unreachable;
        }
        if (b.unreachable != null) {
            return b.unreachable;
        }
        for (Located end : List.of(a, b)) {
            if (!hosts.get(end.host).isUp()) {
                return new Reachability.Unreachable("N-01", "host " + end.host + " is powered off");
            }
        }
        if (a.port == null && b.port == null && a.host.equals(b.host)) {
            return new Reachability.Reachable("host " + a.host + " (its own addresses)");
        }
        if (a.bridge.base().hostOnly() || b.bridge.base().hostOnly()) {
            return cloud0(a, b);
        }
        if (!a.bridge.equals(b.bridge)) {
            return new Reachability.Unreachable("N-03", isolation(a.bridge, b.bridge));
        }
        if (a.host.equals(b.host)) {
            return new Reachability.Reachable(a.what + " → " + a.bridge + " on " + a.host + " → " + b.what);
        }
        StandardBridge network = a.bridge.base();
        for (Located end : List.of(a, b)) {
            Optional<String> cut = hosts.get(end.host).cutOff(network);
            if (cut.isPresent()) {
                return new Reachability.Unreachable("N-07", cut.get());
            }
        }
        return new Reachability.Reachable(a.what + " → " + a.bridge + " → "
                + hosts.get(a.host).uplinkDescription(network) + " → switch → "
                + hosts.get(b.host).uplinkDescription(network) + " → " + b.bridge + " → " + b.what);
    }

    /** N-02: cloud0 joins a host and its own system VMs, and nothing else. */
    private Reachability cloud0(Located a, Located b) {
        if (a.port == null && b.port == null) {
            Located local = a.bridge.base().hostOnly() ? a : b;
            Located remote = local == a ? b : a;
            return new Reachability.Unreachable("N-02", "cloud0 is host-only: the cloud0 address of host " + local.host
                    + " is not reachable from host " + remote.host);
        }
        if (a.port != null && b.port != null) {
            Located onCloud0 = a.bridge.base().hostOnly() ? a : b;
            Located other = onCloud0 == a ? b : a;
            return new Reachability.Unreachable("N-02", "cloud0 is host-only: " + onCloud0.what + " on cloud0 is "
                    + "reachable from its own host " + onCloud0.host + " only, not from " + other.what);
        }
        Located vm = a.port != null ? a : b;
        Located host = vm == a ? b : a;
        if (vm.bridge.base().hostOnly()) {
            if (vm.host.equals(host.host)) {
                return new Reachability.Reachable(a.what + " → cloud0 on " + vm.host + " (host-only) → " + b.what);
            }
            return new Reachability.Unreachable("N-02", "cloud0 is host-only: " + vm.what + " on cloud0 is reachable "
                    + "from its own host " + vm.host + " only, not from host " + host.host);
        }
        return new Reachability.Unreachable("N-02", "cloud0 is host-only: the cloud0 address of host " + host.host
                + " is reachable from its system VMs on cloud0 only, not from " + vm.what + " on " + vm.bridge);
    }

    private static String isolation(BridgeRef a, BridgeRef b) {
        if (a.base() == b.base() && a.vlan() != null && b.vlan() != null) {
            return "VLAN " + a.vlan() + " (" + a + ") and VLAN " + b.vlan() + " (" + b + ") are isolated";
        }
        if (a.base() == b.base()) {
            BridgeRef tagged = a.vlan() != null ? a : b;
            return tagged + " (VLAN " + tagged.vlan() + ") is isolated from the untagged " + tagged.base();
        }
        return a + " and " + b + " are different networks";
    }

    /** Where an endpoint sits, or why it sits nowhere. */
    private record Located(String host, BridgeRef bridge, Port port, String what, Reachability.Unreachable unreachable) {
    }

    private Located locate(Endpoint e) {
        if (e instanceof Endpoint.HostAddress h) {
            host(h.host());
            return new Located(h.host(), BridgeRef.parse(h.bridge()), null, "host " + h.host(), null);
        }
        Endpoint.VmNic v = (Endpoint.VmNic) e;
        Optional<Port> port = port(v.vm(), v.nic());
        if (port.isEmpty()) {
            return new Located(null, null, null, e.toString(), new Reachability.Unreachable("N-04",
                    "VM " + v.vm() + " NIC " + v.nic() + " has no port: the VM does not run or has no such NIC"));
        }
        Port p = port.get();
        return new Located(p.host(), p.bridge(), p, "VM " + v.vm() + " " + p.name(), null);
    }
}
