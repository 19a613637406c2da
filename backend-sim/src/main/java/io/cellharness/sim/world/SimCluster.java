package io.cellharness.sim.world;

import io.cellharness.core.capacity.CapacityCheck;
import io.cellharness.core.capacity.HostLoad;
import io.cellharness.core.cpu.CpuCatalogue;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.network.NetworkFabric;
import io.cellharness.core.network.PortAttachment;
import io.cellharness.core.network.StandardBridge;
import io.cellharness.core.port.FenceDrivers;
import io.cellharness.core.port.Hypervisors;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PeerChannel;
import io.cellharness.core.port.RandomSource;
import io.cellharness.core.port.StorageHeartbeats;
import io.cellharness.core.port.StorageMonitors;
import io.cellharness.core.port.Watchdog;
import io.cellharness.core.limits.Limits;
import io.cellharness.sim.Simulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A simulated Cell cluster built from a cluster specification: its hosts with their libvirt and BMC, the manager's
 * node, the management, storage and out-of-band networks, the Glue storage, and the ground truth of where VMs run.
 * Processes on its nodes reach it only through the core's ports, which this class hands out per process.
 */
public final class SimCluster {

    /** The node the manager (Mold) runs on. */
    public static final String MANAGER = "mold";

    /** Told when a migration starts and ends (G-05). */
    public interface MigrationListener {
        void started(String vm, String source, String target);

        void ended(String vm, String source, String target, boolean moved);
    }

    private final Simulation sim;
    private final ClusterSpec spec;
    private final SimSettings settings;
    private final SimNetwork network;
    private final NetworkFabric fabric;
    private final SimStorage storage;
    private final VmLedger ledger = new VmLedger();
    private final TreeMap<String, SimHost> hosts = new TreeMap<>();
    private final TreeMap<String, SimBmc.State> bmcs = new TreeMap<>();
    private final TreeMap<String, CpuSpec> cpus = new TreeMap<>();
    private final TreeMap<String, Double> dirtyRates = new TreeMap<>();
    private final Map<String, RandomSource> streams = new LinkedHashMap<>();
    private final SimPeerChannel.Servers peerServers = new SimPeerChannel.Servers();
    private final List<Consumer<SimHost>> bootHooks = new ArrayList<>();
    private final List<BiConsumer<SimHost, List<String>>> downHooks = new ArrayList<>();
    private final List<MigrationListener> migrationListeners = new ArrayList<>();
    private long topologyVersion;

    public SimCluster(Simulation sim, ClusterSpec spec, SimSettings settings) {
        this.sim = sim;
        this.spec = spec;
        this.settings = settings;
        this.network = new SimNetwork(sim,
                new long[] {settings.mgmtLatencyMillis(), settings.mgmtJitterMillis()},
                new long[] {settings.storageLatencyMillis(), settings.storageJitterMillis()},
                new long[] {settings.bmcLatencyMillis(), settings.bmcJitterMillis()});
        this.fabric = NetworkFabric.of(spec.withVms(List.of()), true);
        this.storage = new SimStorage(this);
        CpuCatalogue catalogue = CpuCatalogue.standard();
        for (HostSpec h : spec.hosts()) {
            SimHost host = new SimHost(this, h);
            hosts.put(h.name(), host);
            bmcs.put(h.name(), new SimBmc.State());
            cpus.put(h.name(), h.cpu() != null ? h.cpu() : catalogue.hostCpu(DEFAULT_CPU_MODEL));
            network.addNode(h.name(), net -> switch (net) {
                case MGMT -> host.up() && fabric.host(h.name()).cutOff(StandardBridge.MGMT).isEmpty();
                case STORAGE -> host.up() && fabric.host(h.name()).cutOff(StandardBridge.PN).isEmpty();
                case BMC -> false;
            });
            if (h.storageController() != null) {
                storage.addController(h.name(), h.storageController().runsMonitor());
            }
        }
        for (String h : storage.monitorHosts()) {
            network.addNode(SimStorage.monitorNode(h), net -> net == Net.STORAGE && storage.monitorUp(h)
                    && fabric.host(h).cutOff(StandardBridge.PN).isEmpty());
        }
        if (storage.external()) {
            network.addNode(SimStorage.EXTERNAL, net -> net == Net.STORAGE && storage.externalUp());
        }
        network.addNode(MANAGER, net -> true);
        storage.refreshConnectivity();
        ledger.addListener(new VmLedger.Listener() {
            @Override
            public void started(String host, String vm) {
                VmSpec vmSpec = hosts.get(host).domain(vm).spec();
                if (fabric.attach(host, vmSpec) instanceof PortAttachment.Attached attached) {
                    trace(host, "ports", vm + " " + attached.ports());
                }
            }

            @Override
            public void stopped(String host, String vm, String why) {
                fabric.detach(vm);
            }
        });
    }

    /** The CPU model a host without a CPU in its specification is given. */
    public static final String DEFAULT_CPU_MODEL = "Skylake-Server";

    /**
     * Defines and starts every VM of the specification at time zero: on its {@code host} when placed, otherwise on
     * the first host it fits (L-05, L-07). VMs that fit nowhere are traced and left undefined.
     */
    public void placeInitialVms() {
        TreeMap<String, HostLoad> loads = new TreeMap<>();
        for (VmSpec vm : spec.vms()) {
            String target = vm.host();
            if (target == null) {
                for (SimHost h : hosts.values()) {
                    HostLoad load = loads.getOrDefault(h.name(), HostLoad.EMPTY);
                    if (CapacityCheck.check(h.spec(), load, vm, spec.settings().overcommit()).fits()) {
                        target = h.name();
                        break;
                    }
                }
            }
            SimHost host = target == null ? null : hosts.get(target);
            if (host == null) {
                trace(MANAGER, "unplaced", vm.name() + " fits no host");
                continue;
            }
            VmSpec placed = vm.withHost(host.name());
            host.define(placed);
            OpResult<Void> started = host.start(vm.name());
            if (started.isOk()) {
                loads.merge(host.name(), HostLoad.EMPTY.plus(placed), (a, b) -> a.plus(placed));
            }
        }
    }

    // ---- accessors ----

    public Simulation sim() {
        return sim;
    }

    public ClusterSpec spec() {
        return spec;
    }

    /**
     * The specification with every host's CPU as the simulator runs it (a host described without one runs
     * {@link #DEFAULT_CPU_MODEL}): what the manager's placement and migration planning should see.
     */
    public ClusterSpec describedSpec() {
        List<HostSpec> described = new ArrayList<>();
        for (HostSpec h : spec.hosts()) {
            described.add(h.cpu() != null ? h : h.withCpu(cpus.get(h.name())));
        }
        return spec.withHosts(described);
    }

    public SimSettings settings() {
        return settings;
    }

    public SimNetwork network() {
        return network;
    }

    public NetworkFabric fabric() {
        return fabric;
    }

    public SimStorage storage() {
        return storage;
    }

    public VmLedger ledger() {
        return ledger;
    }

    public SimHost host(String name) {
        return hosts.get(name);
    }

    public List<SimHost> hosts() {
        return List.copyOf(hosts.values());
    }

    public List<String> hostNames() {
        return List.copyOf(hosts.keySet());
    }

    public CpuSpec cpuOf(String host) {
        return cpus.get(host);
    }

    /** The guest memory dirty rate of {@code vm} for migrations, MiB/s (G-03). */
    public double dirtyRateOf(String vm) {
        return dirtyRates.getOrDefault(vm, Limits.SIM_DEFAULT_DIRTY_RATE_MIBPS);
    }

    public void setDirtyRate(String vm, double mibPerSecond) {
        dirtyRates.put(vm, mibPerSecond);
    }

    /** The management bandwidth between two hosts, Gb/s (G-03). */
    public double managementGbps(String a, String b) {
        double gbps = fabric.managementGbps(a, b);
        return gbps > 0 ? gbps : settings.defaultMgmtGbps();
    }


    /** A uniform draw in {@code [0, jitter]} from the named subsystem's stream. */
    long draw(String stream, long jitter) {
        if (jitter <= 0) {
            return 0;
        }
        return streams.computeIfAbsent(stream, sim::random).nextInt((int) jitter + 1);
    }

    public void trace(String component, String event, String details) {
        sim.trace().record(component, event, details);
    }

    // ---- ports, per process ----

    public Hypervisors hypervisors(ProcessScope caller) {
        Map<String, SimHypervisor> cache = new TreeMap<>();
        return host -> {
            SimHost h = hosts.get(host);
            if (h == null) {
                throw new IllegalArgumentException("no host named " + host);
            }
            return cache.computeIfAbsent(host, k -> new SimHypervisor(this, caller, h));
        };
    }

    public FenceDrivers fenceDrivers(ProcessScope caller) {
        return host -> {
            SimHost h = hosts.get(host);
            if (h == null || h.spec().bmc() == null) {
                return Optional.empty();
            }
            return Optional.of(new SimBmc(this, caller, h, bmcs.get(host)));
        };
    }

    public StorageHeartbeats storageHeartbeats(ProcessScope caller) {
        return storage.heartbeats(caller);
    }

    public StorageMonitors storageMonitors(ProcessScope caller) {
        return storage.monitors(caller);
    }

    public PeerChannel peerChannel(ProcessScope caller) {
        return new SimPeerChannel(this, caller, peerServers);
    }

    public Watchdog watchdog(String host) {
        SimHost h = hosts.get(host);
        return h::petWatchdog;
    }

    /** A process on the manager's node (the manager has no host; it lives as long as the run). */
    public ProcessScope managerProcess(String name) {
        return new ProcessScope(sim, MANAGER, name);
    }

    // ---- hooks ----

    /** Runs {@code hook} whenever a host finishes booting (e.g. to start its HA helper). */
    public void onHostBoot(Consumer<SimHost> hook) {
        bootHooks.add(hook);
    }

    /** Runs {@code hook} whenever a host goes down (crash, power off, reset), with the VMs that stopped with it. */
    public void onHostDown(BiConsumer<SimHost, List<String>> hook) {
        downHooks.add(hook);
    }

    public void onMigration(MigrationListener listener) {
        migrationListeners.add(listener);
    }

    /**
     * Something that decides reachability changed (a host went up or down, a fault started or ended); derived views
     * such as the storage quorum are recomputed when they are next used.
     */
    public void topologyChanged() {
        topologyVersion++;
        storage.refreshConnectivity();
    }

    public long topologyVersion() {
        return topologyVersion;
    }

    void hostBooted(SimHost host) {
        topologyChanged();
        fabric.powerOn(host.name());
        for (Consumer<SimHost> hook : bootHooks) {
            hook.accept(host);
        }
    }

    void hostWentDown(SimHost host, List<String> lostVms) {
        topologyChanged();
        fabric.powerOff(host.name());
        for (BiConsumer<SimHost, List<String>> hook : downHooks) {
            hook.accept(host, lostVms);
        }
    }

    void migrationStarted(String vm, String source, String target) {
        for (MigrationListener l : migrationListeners) {
            l.started(vm, source, target);
        }
    }

    void migrationEnded(String vm, String source, String target, boolean moved) {
        for (MigrationListener l : migrationListeners) {
            l.ended(vm, source, target, moved);
        }
    }

    // ---- the BMC faults ----

    public void setBmcUnreachable(String host, boolean unreachable) {
        bmcs.get(host).unreachable = unreachable;
        trace("bmc@" + host, unreachable ? "unreachable" : "reachable", "");
    }

    /** While set, {@code host}'s BMC refuses a power-off when the chassis is already off (Redfish HTTP 409). */
    public void setBmcRefusesPowerOffWhenOff(String host, boolean refuses) {
        bmcs.get(host).refusesOffWhenOff = refuses;
        trace("bmc@" + host, refuses ? "refuses-power-off-when-off" : "accepts-power-off", "");
    }

    public void loseBmcCommands(String host, int count) {
        bmcs.get(host).commandsToLose += count;
        trace("bmc@" + host, "will-lose-commands", Integer.toString(count));
    }

}
