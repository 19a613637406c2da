package io.cellharness.sim.scenario;

import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.BmcSpec;
import io.cellharness.core.model.BondSpec;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.HaSpec;
import io.cellharness.core.model.HostNicSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.RestartPriority;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageControllerSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.RandomSource;
import io.cellharness.core.port.SeededRandom;
import io.cellharness.sim.fault.Fault;
import io.cellharness.sim.fault.ScheduledFault;
import io.cellharness.sim.world.Net;
import io.cellharness.sim.world.SimSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The random mode: a cluster of {@code hosts} HCI hosts and {@code vms} VMs, and a whole fault profile drawn from the
 * seed (which fault kinds occur, how often, how long), then a fault schedule drawn from the profile. The cluster keeps
 * half its memory free so that HA has room; faults hit at most a few hosts at once.
 */
public final class RandomScenario {

    /** A fault kind the random mode draws, with the weight the profile gives it. */
    private record Kind(String name, int weight) {
    }

    private static final String[] KINDS = {"host-crash", "host-power-off", "host-reboot", "libvirtd-hang",
        "mgmt-partition", "storage-partition", "storage-controller-down", "monitor-flapping", "bmc-unreachable",
        "bmc-command-lost", "mgmt-loss", "bond-slave-down"};

    private RandomScenario() {
    }

    /** The command-line arguments that name a random run (without its seed). */
    public static List<String> replayArgs(int hosts, int vms, long durationMillis) {
        return List.of("--random", "--hosts", Integer.toString(hosts), "--vms", Integer.toString(vms), "--duration",
                new VirtualDuration(durationMillis).toString());
    }

    /**
     * Refuses sizes the random mode does not draw: fewer than 2 hosts, more than {@link Limits#RANDOM_MAX_HOSTS} or
     * {@link Limits#RANDOM_MAX_VMS}, a duration under 1m or beyond one run's simulated time; before anything is built.
     */
    public static void checkSizes(int hosts, int vms, long durationMillis) {
        if (hosts < 2) {
            throw new IllegalArgumentException("--hosts must be at least 2 for HA");
        }
        if (vms < 0) {
            throw new IllegalArgumentException("--vms must not be negative");
        }
        if (durationMillis < 60_000) {
            throw new IllegalArgumentException("--duration must be at least 1m");
        }
        if (hosts > Limits.RANDOM_MAX_HOSTS) {
            throw new IllegalArgumentException("--hosts is at most " + Limits.RANDOM_MAX_HOSTS);
        }
        if (vms > Limits.RANDOM_MAX_VMS) {
            throw new IllegalArgumentException("--vms is at most " + Limits.RANDOM_MAX_VMS);
        }
        if (durationMillis > Limits.SIM_MAX_VIRTUAL_MS - Limits.SIM_QUIET_PERIOD_MS) {
            throw new IllegalArgumentException("--duration is at most "
                    + new VirtualDuration(Limits.SIM_MAX_VIRTUAL_MS - Limits.SIM_QUIET_PERIOD_MS)
                    + " (with the quiet period, " + new VirtualDuration(Limits.SIM_MAX_VIRTUAL_MS) + " per run)");
        }
    }

    public static SimRequest generate(long seed, int hosts, int vms, long durationMillis) {
        checkSizes(hosts, vms, durationMillis);
        RandomSource root = new SeededRandom(seed);
        ClusterSpec cluster = cluster(root.split("cluster"), hosts, vms);
        List<ScheduledFault> faults = new ArrayList<>(faults(root.split("faults"), cluster, durationMillis));
        // Drawn from a stream of their own, so the single faults above stay what they were for every seed.
        faults.addAll(combinedFaults(root.split("combined-faults"), cluster, durationMillis));
        faults.sort(java.util.Comparator.comparingLong(ScheduledFault::atMillis));
        List<ActionEntry> migrations = migrations(root.split("migrations"), cluster, durationMillis);
        TreeMap<String, Double> dirty = new TreeMap<>();
        RandomSource workload = root.split("workload");
        for (VmSpec vm : cluster.vms()) {
            dirty.put(vm.name(), (double) (16 + workload.nextInt(240)));
        }
        return new SimRequest("random", cluster, faults, migrations, dirty, durationMillis, Limits.SIM_QUIET_PERIOD_MS,
                seed, HaSettings.DEFAULTS, SimSettings.DEFAULTS, List.of(), replayArgs(hosts, vms, durationMillis));
    }

    /**
     * S-04: how many of {@code hostCount} HCI hosts run a Glue monitor, as clusters are deployed: 3, or 5 from
     * {@link Limits#SIM_RANDOM_LARGE_CLUSTER_HOSTS} hosts (never more than there are hosts).
     */
    public static int monitorCount(int hostCount) {
        return Math.min(hostCount, hostCount >= Limits.SIM_RANDOM_LARGE_CLUSTER_HOSTS
                ? Limits.SIM_RANDOM_MONITORS_LARGE : Limits.SIM_RANDOM_MONITORS_SMALL);
    }

    /** Whether host {@code h} (0-based) of {@code hostCount} runs a monitor: they are spread evenly over the hosts. */
    static boolean runsMonitor(int h, int hostCount) {
        int monitors = monitorCount(hostCount);
        for (int m = 0; m < monitors; m++) {
            if ((int) ((long) m * hostCount / monitors) == h) {
                return true;
            }
        }
        return false;
    }

    static ClusterSpec cluster(RandomSource random, int hostCount, int vmCount) {
        List<HostSpec> hosts = new ArrayList<>();
        for (int h = 0; h < hostCount; h++) {
            String name = String.format(Locale.ROOT, "cube%03d", h + 1);
            hosts.add(new HostSpec(name, 32, Size.ofGiB(256), null, null,
                    new BmcSpec("10.0.10." + (h % 250 + 1), null, "admin", "BMC_PASSWORD"),
                    runsMonitor(h, hostCount) ? new StorageControllerSpec("10.0.20." + (h % 250 + 1) + ":6789")
                            : StorageControllerSpec.withoutMonitor(),
                    List.of(new HostNicSpec("eno1", 10), new HostNicSpec("eno2", 10), new HostNicSpec("eno3", 25),
                            new HostNicSpec("eno4", 25)),
                    List.of(new BondSpec("bond-MGMT", null, List.of("eno1", "eno2"), "br-MGMT"),
                            new BondSpec("bond-PN", null, List.of("eno3", "eno4"), "br-PN"))));
        }
        // Keep the VMs to half the cluster's memory so that HA has somewhere to go.
        long budget = hostCount * Size.ofGiB(256).bytes() / 2;
        long[] sizes = {Size.ofGiB(2).bytes(), Size.ofGiB(4).bytes(), Size.ofGiB(8).bytes(), Size.ofGiB(16).bytes()};
        List<VmSpec> vms = new ArrayList<>();
        long used = 0;
        for (int v = 0; v < vmCount; v++) {
            long memory = sizes[random.nextInt(sizes.length)];
            if (used + memory > budget) {
                memory = sizes[0];
            }
            used += memory;
            RestartPriority priority = RestartPriority.values()[random.nextInt(3)];
            boolean ha = random.nextInt(10) < 8;
            String host = hosts.get(v % hostCount).name();
            String name = String.format(Locale.ROOT, "vm%04d", v + 1);
            VmSpec vm = VmSpec.of(name, Size.ofBytes(memory), 1 + random.nextInt(4))
                    .withHost(host).withHa(ha ? new HaSpec(true, priority) : HaSpec.OFF);
            // Half the VMs keep their disk on Glue, so the path selector and the no-write-lost invariant run too.
            if (random.nextInt(2) == 0) {
                vm = vm.withDisks(List.of(new DiskSpec(DiskBus.VIRTIO_BLK, StorageType.GLUE_RBD, "rbd/" + name,
                        Size.ofGiB(20))));
            }
            vms.add(vm);
        }
        return new ClusterSpec("random", null, hosts, vms);
    }

    /** Live migrations an operator starts now and then: a random VM to a random other host (G-01 … G-05). */
    static List<ActionEntry> migrations(RandomSource random, ClusterSpec cluster, long durationMillis) {
        List<ActionEntry> actions = new ArrayList<>();
        if (cluster.vms().isEmpty()) {
            return actions;
        }
        long meanGap = 30_000 + random.nextInt(90_000);
        for (long t = 10_000 + random.nextInt((int) meanGap); t < durationMillis - 10_000;
             t += 1 + random.nextInt((int) (2 * meanGap))) {
            VmSpec vm = cluster.vms().get(random.nextInt(cluster.vms().size()));
            String target = cluster.hosts().get(random.nextInt(cluster.hosts().size())).name();
            actions.add(new ActionEntry(new VirtualDuration(t), vm.name(), target, random.nextInt(2) == 0));
        }
        return actions;
    }

    static List<ScheduledFault> faults(RandomSource random, ClusterSpec cluster, long durationMillis) {
        // The profile: which kinds occur and how often, all from the seed.
        List<Kind> kinds = new ArrayList<>();
        int totalWeight = 0;
        for (String k : KINDS) {
            if (random.nextInt(10) < 7) {
                int w = 1 + random.nextInt(10);
                kinds.add(new Kind(k, w));
                totalWeight += w;
            }
        }
        if (kinds.isEmpty()) {
            kinds.add(new Kind("host-crash", 1));
            totalWeight = 1;
        }
        long meanGap = 40_000 + random.nextInt(120_000);
        List<String> hosts = cluster.hosts().stream().map(HostSpec::name).toList();
        List<ScheduledFault> faults = new ArrayList<>();
        // Spans in which a host is down (and its Glue monitor with it): at most one at a time, so that the storage
        // keeps a majority of its monitors and HA has somewhere to go; two failures at once are the guard's case.
        List<long[]> down = new ArrayList<>();
        long t = 5_000 + random.nextInt((int) meanGap);
        while (t < durationMillis - 10_000) {
            Kind kind = pick(random, kinds, totalWeight);
            String host = hosts.get(random.nextInt(hosts.size()));
            long length = 5_000 + random.nextInt(85_000);
            String name = kind.name();
            if (TAKES_HOST_DOWN.contains(name)) {
                long until = t + length + Limits.SIM_HOST_BOOT_MS + 30_000;
                long start = t;
                if (down.stream().anyMatch(d -> d[0] < until && start < d[1])) {
                    name = "libvirtd-hang";
                } else {
                    down.add(new long[] {t, until});
                }
            }
            faults.add(new ScheduledFault(t, fault(name, host, hosts, random), length));
            t += 1 + random.nextInt((int) (2 * meanGap));
        }
        return faults;
    }

    /**
     * The monitor host a monitor fault drawn for {@code host} hits: the nearest monitor host at or before it (S-04:
     * only 3 or 5 hosts run one), so these faults keep hitting monitors without another draw.
     */
    private static String monitorHost(String host, List<String> hosts) {
        int h = hosts.indexOf(host);
        while (h > 0 && !runsMonitor(h, hosts.size())) {
            h--;
        }
        return hosts.get(h);
    }

    /**
     * Combined fault kinds (issue 16): lossy networks together with what else may be wrong, the class of faults in
     * which a manager that reads silence as death fences live hosts or lets a lease expire under a running host.
     */
    private static final String[] COMBINED = {"isolated-on-lossy-storage", "dead-bmc-on-lossy-storage",
        "mgmt-bond-down-on-lossy-storage", "storage-bond-down-on-lossy-mgmt", "both-networks-lossy"};

    /**
     * The combined part of the profile: which combined kinds occur, how often and how hard the networks lose
     * messages (2 % to 30 %), then their schedule. None takes a host down.
     */
    static List<ScheduledFault> combinedFaults(RandomSource random, ClusterSpec cluster, long durationMillis) {
        List<Kind> kinds = new ArrayList<>();
        int totalWeight = 0;
        for (String k : COMBINED) {
            if (random.nextInt(2) == 0) {
                int w = 1 + random.nextInt(10);
                kinds.add(new Kind(k, w));
                totalWeight += w;
            }
        }
        List<ScheduledFault> faults = new ArrayList<>();
        if (kinds.isEmpty()) {
            return faults;
        }
        long meanGap = 60_000 + random.nextInt(120_000);
        List<String> hosts = cluster.hosts().stream().map(HostSpec::name).toList();
        for (long t = 5_000 + random.nextInt((int) meanGap); t < durationMillis - 10_000;
             t += 1 + random.nextInt((int) (2 * meanGap))) {
            Kind kind = pick(random, kinds, totalWeight);
            String host = hosts.get(random.nextInt(hosts.size()));
            long length = 10_000 + random.nextInt(80_000);
            double loss = 0.02 + random.nextDouble() * 0.28;
            Fault.Loss storageLoss = new Fault.Loss(Net.STORAGE, loss);
            switch (kind.name()) {
                case "isolated-on-lossy-storage" -> {
                    faults.add(new ScheduledFault(t, storageLoss, length));
                    Fault.Direction d = Fault.Direction.values()[random.nextInt(3)];
                    faults.add(new ScheduledFault(t + random.nextInt(5_000),
                            new Fault.Partition(Net.MGMT, List.of(host), d), length));
                }
                case "dead-bmc-on-lossy-storage" -> {
                    faults.add(new ScheduledFault(t, new Fault.BmcUnreachable(host), length + 30_000));
                    faults.add(new ScheduledFault(t, storageLoss, length));
                    if (random.nextInt(3) > 0) {
                        faults.add(new ScheduledFault(t + random.nextInt(5_000),
                                new Fault.Partition(Net.MGMT, List.of(host), Fault.Direction.BOTH), length));
                    }
                }
                case "mgmt-bond-down-on-lossy-storage" -> {
                    faults.add(new ScheduledFault(t, storageLoss, length));
                    faults.add(new ScheduledFault(t, new Fault.NicDown(host, "eno1", true), length));
                    faults.add(new ScheduledFault(t + random.nextInt(3_000), new Fault.NicDown(host, "eno2", true),
                            length));
                }
                case "storage-bond-down-on-lossy-mgmt" -> {
                    faults.add(new ScheduledFault(t, new Fault.Loss(Net.MGMT, loss), length));
                    faults.add(new ScheduledFault(t, new Fault.NicDown(host, "eno3", true), length));
                    faults.add(new ScheduledFault(t + random.nextInt(3_000), new Fault.NicDown(host, "eno4", true),
                            length));
                }
                case "both-networks-lossy" -> {
                    faults.add(new ScheduledFault(t, storageLoss, length));
                    faults.add(new ScheduledFault(t, new Fault.Loss(Net.MGMT, loss), length));
                }
                default -> throw new IllegalStateException("unknown kind " + kind);
            }
        }
        return faults;
    }

    /** Fault kinds that take a host (and its monitor) down for a while. */
    private static final List<String> TAKES_HOST_DOWN = List.of("host-crash", "host-power-off", "host-reboot");

    private static Fault fault(String kind, String host, List<String> hosts, RandomSource random) {
        return switch (kind) {
            case "host-crash" -> new Fault.HostCrash(host);
            case "host-power-off" -> new Fault.HostPowerOff(host);
            case "host-reboot" -> new Fault.HostReboot(host);
            case "libvirtd-hang" -> new Fault.LibvirtdHang(host);
            case "mgmt-partition", "storage-partition" -> {
                List<String> group = new ArrayList<>();
                group.add(host);
                if (hosts.size() > 4 && random.nextInt(3) == 0) {
                    String other = hosts.get(random.nextInt(hosts.size()));
                    if (!other.equals(host)) {
                        group.add(other);
                    }
                }
                Fault.Direction d = Fault.Direction.values()[random.nextInt(3)];
                yield new Fault.Partition(kind.startsWith("mgmt") ? Net.MGMT : Net.STORAGE, group, d);
            }
            case "storage-controller-down" -> new Fault.StorageControllerDown(monitorHost(host, hosts));
            case "monitor-flapping" -> new Fault.MonitorFlapping(monitorHost(host, hosts), 500 + random.nextInt(4_500));
            case "bmc-unreachable" -> new Fault.BmcUnreachable(host);
            case "bmc-command-lost" -> new Fault.BmcCommandLost(host, 1 + random.nextInt(3));
            case "mgmt-loss" -> new Fault.Loss(Net.MGMT, 0.05 + random.nextDouble() * 0.25);
            case "bond-slave-down" -> new Fault.NicDown(host, random.nextInt(2) == 0 ? "eno1" : "eno3", true);
            default -> throw new IllegalStateException("unknown kind " + kind);
        };
    }

    /** One kind, drawn by weight with a single draw from {@code random}. */
    private static Kind pick(RandomSource random, List<Kind> kinds, int totalWeight) {
        int pick = random.nextInt(totalWeight);
        for (Kind k : kinds) {
            if (pick < k.weight()) {
                return k;
            }
            pick -= k.weight();
        }
        return kinds.get(0);
    }
}
