package io.cellharness.sim.fault;

import io.cellharness.sim.world.Net;
import io.cellharness.sim.world.SimCluster;
import io.cellharness.sim.world.SimHost;
import io.cellharness.sim.world.SimNetwork;
import io.cellharness.sim.world.SimStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One fault of the simulated world. {@link #apply} starts it; {@link #heal} ends it, for faults that have an end.
 */
public sealed interface Fault {

    /** The fault's name in scenario files, e.g. {@code host-crash}. */
    String kind();

    /** What it hits, for traces, e.g. {@code cube2} or {@code cube1,cube2 both}. */
    String target();

    void apply(SimCluster cluster);

    /** Ends the fault; a no-op for faults without an end (a crash ends when the host is power-cycled). */
    default void heal(SimCluster cluster) {
    }

    /** Whether {@link #heal} does anything. */
    default boolean hasEnd() {
        return true;
    }

    /** How a partition cuts traffic between the named hosts and everything else. */
    enum Direction {
        /** Neither way. */
        BOTH,
        /** Nothing leaves the named hosts (they still receive). */
        OUTBOUND,
        /** Nothing reaches the named hosts (they can still send). */
        INBOUND;

        public static Direction parse(String text) {
            if (text == null) {
                return BOTH;
            }
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "both", "symmetric" -> BOTH;
                case "outbound", "out" -> OUTBOUND;
                case "inbound", "in" -> INBOUND;
                default -> throw new IllegalArgumentException("unknown direction '" + text + "'; expected both, outbound or inbound");
            };
        }
    }

    /**
     * The host's kernel panics: the chassis stays powered (the BMC says on), nothing on the host runs. Its end is the
     * repair: a crashed host is reset, a host the fence powered off is powered on.
     */
    record HostCrash(String host) implements Fault {
        public String kind() {
            return "host-crash";
        }

        public String target() {
            return host;
        }

        public void apply(SimCluster c) {
            c.host(host).crash("fault: host crash");
        }

        public void heal(SimCluster c) {
            SimHost h = c.host(host);
            if (h.os() == SimHost.Os.CRASHED) {
                h.reset("fault healed: repaired");
            } else if (h.power() == io.cellharness.core.port.PowerState.OFF) {
                h.powerOn("fault healed: repaired");
            }
        }
    }

    /** The host loses power (not through its BMC); the end restores power and it boots. */
    record HostPowerOff(String host) implements Fault {
        public String kind() {
            return "host-power-off";
        }

        public String target() {
            return host;
        }

        public void apply(SimCluster c) {
            c.host(host).powerOff("fault: power loss");
        }

        public void heal(SimCluster c) {
            c.host(host).powerOn("fault healed: power restored");
        }
    }

    /** The host reboots (its VMs stop; it is back after its boot time). */
    record HostReboot(String host) implements Fault {
        public String kind() {
            return "host-reboot";
        }

        public String target() {
            return host;
        }

        public void apply(SimCluster c) {
            c.host(host).reset("fault: reboot");
        }

        public boolean hasEnd() {
            return false;
        }
    }

    /** libvirtd stops answering; its domains keep running. */
    record LibvirtdHang(String host) implements Fault {
        public String kind() {
            return "libvirtd-hang";
        }

        public String target() {
            return host;
        }

        public void apply(SimCluster c) {
            c.host(host).hangLibvirt();
        }

        public void heal(SimCluster c) {
            c.host(host).unhangLibvirt();
        }
    }

    /**
     * A partition of network {@code net} between {@code hosts} (with their monitors, on the storage network) and every
     * other node; {@code direction} makes it asymmetric. The manager is on the other side.
     */
    record Partition(Net net, List<String> hosts, Direction direction) implements Fault {
        public Partition {
            hosts = List.copyOf(hosts);
        }

        public String kind() {
            return net == Net.MGMT ? "mgmt-partition" : "storage-partition";
        }

        public String target() {
            return String.join(",", hosts) + " " + direction.name().toLowerCase(Locale.ROOT);
        }

        private List<String> inside(SimCluster c) {
            List<String> nodes = new ArrayList<>(hosts);
            if (net == Net.STORAGE) {
                for (String h : hosts) {
                    if (c.network().hasNode(SimStorage.monitorNode(h))) {
                        nodes.add(SimStorage.monitorNode(h));
                    }
                }
            }
            return nodes;
        }

        private void each(SimCluster c, boolean block) {
            SimNetwork n = c.network();
            List<String> in = inside(c);
            for (String a : in) {
                for (String b : n.nodes()) {
                    if (in.contains(b)) {
                        continue;
                    }
                    if (direction != Direction.INBOUND) {
                        toggle(n, block, a, b);
                    }
                    if (direction != Direction.OUTBOUND) {
                        toggle(n, block, b, a);
                    }
                }
            }
        }

        private void toggle(SimNetwork n, boolean block, String from, String to) {
            if (block) {
                n.block(net, from, to);
            } else {
                n.unblock(net, from, to);
            }
        }

        public void apply(SimCluster c) {
            each(c, true);
            c.topologyChanged();
        }

        public void heal(SimCluster c) {
            each(c, false);
            c.topologyChanged();
        }
    }

    /** A lossy network: each message on it is dropped with probability {@code probability}. */
    record Loss(Net net, double probability) implements Fault {
        public String kind() {
            return net == Net.MGMT ? "mgmt-loss" : "storage-loss";
        }

        public String target() {
            return Double.toString(probability);
        }

        public void apply(SimCluster c) {
            c.network().setLoss(net, probability);
        }

        public void heal(SimCluster c) {
            c.network().setLoss(net, 0);
        }
    }

    /** The storage controller VM on {@code host} (its monitor) stops; the end starts it again. */
    record StorageControllerDown(String host) implements Fault {
        public String kind() {
            return "storage-controller-down";
        }

        public String target() {
            return host;
        }

        public void apply(SimCluster c) {
            c.storage().setController(host, false);
        }

        public void heal(SimCluster c) {
            c.storage().setController(host, true);
        }
    }

    /**
     * The monitor on {@code host} goes down and up every half {@code periodMillis} until healed (S-09). The toggling
     * is scheduled by the fault schedule through {@link #toggle}.
     */
    record MonitorFlapping(String host, long periodMillis) implements Fault {
        public String kind() {
            return "monitor-flapping";
        }

        public String target() {
            return host + " every " + periodMillis + " ms";
        }

        public void apply(SimCluster c) {
            c.storage().setController(host, false);
        }

        void toggle(SimCluster c, boolean up) {
            c.storage().setController(host, up);
        }

        public void heal(SimCluster c) {
            c.storage().setController(host, true);
        }
    }

    /** The BMC of {@code host} does not answer; fence commands time out. */
    record BmcUnreachable(String host) implements Fault {
        public String kind() {
            return "bmc-unreachable";
        }

        public String target() {
            return host;
        }

        public void apply(SimCluster c) {
            c.setBmcUnreachable(host, true);
        }

        public void heal(SimCluster c) {
            c.setBmcUnreachable(host, false);
        }
    }

    /**
     * The BMC of {@code host} answers, but refuses a power-off while the chassis is already off, as Redfish BMCs answer
     * {@code GracefulShutdown} with HTTP 409 (apache/cloudstack#13376); power status and power on still work.
     */
    record BmcRefusesPowerOff(String host) implements Fault {
        public String kind() {
            return "bmc-refuses-power-off";
        }

        public String target() {
            return host;
        }

        public void apply(SimCluster c) {
            c.setBmcRefusesPowerOffWhenOff(host, true);
        }

        public void heal(SimCluster c) {
            c.setBmcRefusesPowerOffWhenOff(host, false);
        }
    }

    /**
     * The storage heartbeat (lease) area is full: every heartbeat write fails at once with an error (ENOSPC), not a
     * timeout; reads still answer. Its end: space again, writes succeed.
     */
    record LeaseStorageFull() implements Fault {
        public String kind() {
            return "lease-storage-full";
        }

        public String target() {
            return "lease-area";
        }

        public void apply(SimCluster c) {
            c.storage().setLeaseAreaFull(true);
        }

        public void heal(SimCluster c) {
            c.storage().setLeaseAreaFull(false);
        }
    }

    /** The BMC of {@code host} answers the next {@code count} commands as done without doing them. */
    record BmcCommandLost(String host, int count) implements Fault {
        public String kind() {
            return "bmc-command-lost";
        }

        public String target() {
            return host + " x" + count;
        }

        public void apply(SimCluster c) {
            c.loseBmcCommands(host, count);
        }

        public boolean hasEnd() {
            return false;
        }
    }

    /** A NIC of {@code host} loses link; {@code bonded} says whether it is a bond slave (N-07) or a plain NIC. */
    record NicDown(String host, String nic, boolean bonded) implements Fault {
        public String kind() {
            return bonded ? "bond-slave-down" : "nic-down";
        }

        public String target() {
            return host + "/" + nic;
        }

        public void apply(SimCluster c) {
            c.fabric().nicDown(host, nic).ifPresent(s -> c.trace(host, "bond", s.describe()));
            c.trace(host, "nic-down", nic);
            c.topologyChanged();
        }

        public void heal(SimCluster c) {
            c.fabric().nicUp(host, nic).ifPresent(s -> c.trace(host, "bond", s.describe()));
            c.trace(host, "nic-up", nic);
            c.topologyChanged();
        }
    }

    /** The switch of {@code host} stops speaking LACP: its 802.3ad bonds carry nothing (N-07). */
    record SwitchWithoutLacp(String host) implements Fault {
        public String kind() {
            return "switch-without-lacp";
        }

        public String target() {
            return host;
        }

        public void apply(SimCluster c) {
            c.fabric().setSwitchLacp(host, false);
            c.topologyChanged();
        }

        public void heal(SimCluster c) {
            c.fabric().setSwitchLacp(host, true);
            c.topologyChanged();
        }
    }

    /**
     * L-08: the guests on {@code host} (or only {@code vm}) start using all the memory they were given; with memory
     * overcommitted that is more than the host has, and the host kills guests until it fits.
     */
    record GuestMemoryExhaustion(String host, String vm) implements Fault {
        public String kind() {
            return "guest-memory-exhaustion";
        }

        public String target() {
            return vm == null ? host : host + "/" + vm;
        }

        public void apply(SimCluster c) {
            SimHost h = c.host(host);
            for (String name : h.activeDomains()) {
                if (vm == null || vm.equals(name)) {
                    h.setGuestMemoryUse(name, h.domain(name).spec().memory().bytes());
                }
            }
        }

        public boolean hasEnd() {
            return false;
        }
    }
}
