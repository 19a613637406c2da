package io.cellharness.sim.scenario;

import io.cellharness.core.model.BondSpec;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostNicSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.sim.fault.Fault;
import io.cellharness.sim.fault.ScheduledFault;
import io.cellharness.sim.world.Net;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the fault lines of a scenario into faults, checking each against the cluster: a missing field, an unknown
 * fault, host or NIC is an {@link IllegalArgumentException} naming the line ({@code faults[2]}) and what is wrong.
 */
public final class FaultFactory {

    /** Every fault kind a scenario may name. */
    public static final List<String> KINDS = List.of("host-crash", "host-power-off", "host-reboot", "libvirtd-hang",
            "mgmt-partition", "storage-partition", "mgmt-loss", "storage-loss", "storage-controller-down",
            "monitor-flapping", "bmc-unreachable", "bmc-command-lost", "bmc-refuses-power-off", "lease-storage-full", "bond-slave-down", "nic-down",
            "switch-without-lacp", "guest-memory-exhaustion");

    private FaultFactory() {
    }

    public static List<ScheduledFault> build(List<FaultEntry> entries, ClusterSpec cluster) {
        List<ScheduledFault> faults = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            faults.add(build(entries.get(i), cluster, "faults[" + i + "]"));
        }
        return faults;
    }

    static ScheduledFault build(FaultEntry e, ClusterSpec cluster, String where) {
        String kind = e.fault();
        Fault fault = switch (kind) {
            case "host-crash" -> new Fault.HostCrash(host(e, cluster, where));
            case "host-power-off" -> new Fault.HostPowerOff(host(e, cluster, where));
            case "host-reboot" -> new Fault.HostReboot(host(e, cluster, where));
            case "libvirtd-hang" -> new Fault.LibvirtdHang(host(e, cluster, where));
            case "mgmt-partition" -> new Fault.Partition(Net.MGMT, hosts(e, cluster, where), direction(e, where));
            case "storage-partition" -> new Fault.Partition(Net.STORAGE, hosts(e, cluster, where), direction(e, where));
            case "mgmt-loss" -> new Fault.Loss(Net.MGMT, probability(e, where));
            case "storage-loss" -> new Fault.Loss(Net.STORAGE, probability(e, where));
            case "storage-controller-down" -> new Fault.StorageControllerDown(controllerHost(e, cluster, where));
            case "monitor-flapping" -> new Fault.MonitorFlapping(controllerHost(e, cluster, where),
                    require(e.period(), where, kind, "period").millis());
            case "bmc-unreachable" -> new Fault.BmcUnreachable(bmcHost(e, cluster, where));
            case "lease-storage-full" -> new Fault.LeaseStorageFull();
            case "bmc-refuses-power-off" -> new Fault.BmcRefusesPowerOff(bmcHost(e, cluster, where));
            case "bmc-command-lost" -> new Fault.BmcCommandLost(bmcHost(e, cluster, where),
                    e.count() == null ? 1 : positive(e.count(), where, "count"));
            case "bond-slave-down" -> new Fault.NicDown(host(e, cluster, where), nic(e, cluster, where, true), true);
            case "nic-down" -> new Fault.NicDown(host(e, cluster, where), nic(e, cluster, where, false), false);
            case "switch-without-lacp" -> new Fault.SwitchWithoutLacp(host(e, cluster, where));
            case "guest-memory-exhaustion" -> new Fault.GuestMemoryExhaustion(host(e, cluster, where), e.vm());
            default -> throw new IllegalArgumentException(where + ": unknown fault '" + kind + "'; expected one of "
                    + String.join(", ", KINDS));
        };
        long duration = e.duration() == null ? -1 : e.duration().millis();
        return new ScheduledFault(e.at().millis(), fault, duration);
    }

    private static <T> T require(T value, String where, String kind, String field) {
        if (value == null) {
            throw new IllegalArgumentException(where + ": " + kind + " needs '" + field + "'");
        }
        return value;
    }

    private static String host(FaultEntry e, ClusterSpec cluster, String where) {
        String host = require(e.host(), where, e.fault(), "host");
        if (cluster.host(host).isEmpty()) {
            throw new IllegalArgumentException(where + ": no host named '" + host + "' in the cluster");
        }
        return host;
    }

    private static String controllerHost(FaultEntry e, ClusterSpec cluster, String where) {
        String host = host(e, cluster, where);
        var controller = cluster.host(host).orElseThrow().storageController();
        if (controller == null || !controller.runsMonitor()) {
            throw new IllegalArgumentException(where + ": host '" + host + "' has no storage controller"
                    + (controller == null ? "" : " running a Glue monitor"));
        }
        return host;
    }

    private static String bmcHost(FaultEntry e, ClusterSpec cluster, String where) {
        String host = host(e, cluster, where);
        if (cluster.host(host).orElseThrow().bmc() == null) {
            throw new IllegalArgumentException(where + ": host '" + host + "' has no BMC");
        }
        return host;
    }

    private static List<String> hosts(FaultEntry e, ClusterSpec cluster, String where) {
        List<String> hosts = e.hosts() != null ? e.hosts() : e.host() != null ? List.of(e.host()) : null;
        if (hosts == null || hosts.isEmpty()) {
            throw new IllegalArgumentException(where + ": " + e.fault() + " needs 'hosts' (or 'host')");
        }
        for (String h : hosts) {
            if (cluster.host(h).isEmpty()) {
                throw new IllegalArgumentException(where + ": no host named '" + h + "' in the cluster");
            }
        }
        return hosts;
    }

    private static Fault.Direction direction(FaultEntry e, String where) {
        try {
            return Fault.Direction.parse(e.direction());
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(where + ": " + ex.getMessage());
        }
    }

    private static double probability(FaultEntry e, String where) {
        double p = require(e.probability(), where, e.fault(), "probability");
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException(where + ": probability must be in (0, 1], not " + p);
        }
        return p;
    }

    private static int positive(int n, String where, String field) {
        if (n < 1) {
            throw new IllegalArgumentException(where + ": " + field + " must be at least 1");
        }
        return n;
    }

    private static String nic(FaultEntry e, ClusterSpec cluster, String where, boolean bonded) {
        String nic = require(e.nic(), where, e.fault(), "nic");
        HostSpec host = cluster.host(e.host()).orElseThrow();
        boolean known = host.nics().stream().map(HostNicSpec::name).anyMatch(nic::equals);
        boolean inBond = host.bonds().stream().map(BondSpec::slaves).anyMatch(s -> s.contains(nic));
        if (!known && !inBond) {
            throw new IllegalArgumentException(where + ": host '" + host.name() + "' has no NIC '" + nic + "'");
        }
        if (bonded && !inBond) {
            throw new IllegalArgumentException(where + ": NIC '" + nic + "' of host '" + host.name() + "' is in no bond");
        }
        return nic;
    }
}
