package io.cellharness.features.backend;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.network.Port;
import io.cellharness.core.port.Hypervisor;
import io.cellharness.core.port.Hypervisors;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.storage.DiskSource;
import io.cellharness.core.storage.DiskSources;
import io.cellharness.sim.Simulation;
import io.cellharness.sim.world.ProcessScope;
import io.cellharness.sim.world.SimCluster;
import io.cellharness.sim.world.SimDomain;
import io.cellharness.sim.world.SimHost;
import io.cellharness.sim.world.SimSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator as a scenario backend: two large hosts ({@code cube1}, {@code cube2}, the largest a supported host
 * may be, L-06) on a fresh simulation per scenario, reached from the manager's node.
 *
 * <p>The simulated libvirtd keeps the specification a domain was defined with; a definition read back is that
 * specification plus what the core's rules make of it (disk sources, the KVM clock). Ports are the simulated network
 * fabric's; migration streams are what the simulated source libvirtd traced.
 */
public final class SimScenarioBackend implements ScenarioBackend {

    /** The hosts every simulated scenario backend offers. */
    public static final List<String> HOSTS = List.of("cube1", "cube2");

    /** T-01: a KVM guest's clock source; the simulated hypervisor is KVM. */
    static final String KVM_CLOCK = "kvm-clock";

    private static final long AWAIT_BOUND_MILLIS = 10 * Limits.SIM_LIBVIRT_TIMEOUT_MS;

    private final Simulation sim;
    private final SimCluster cluster;
    private final Hypervisors hypervisors;
    private CpuSpec baseline;

    public SimScenarioBackend(long seed) {
        this.sim = new Simulation(seed);
        List<HostSpec> hosts = HOSTS.stream().map(h -> new HostSpec(h, Limits.HOST_MAX_CORES,
                Size.ofBytes(Limits.HOST_MAX_MEMORY_BYTES), null, null, null, null, null, null)).toList();
        this.cluster = new SimCluster(sim, new ClusterSpec("scenario", null, hosts, List.of()), SimSettings.DEFAULTS);
        ProcessScope manager = cluster.managerProcess("scenario");
        this.hypervisors = cluster.hypervisors(manager);
    }

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public List<String> hosts() {
        return HOSTS;
    }

    @Override
    public Hypervisor hypervisor(String host) {
        return hypervisors.of(host);
    }

    public SimCluster cluster() {
        return cluster;
    }

    @Override
    public <T> OpResult<T> await(CompletionStage<OpResult<T>> operation) {
        AtomicReference<OpResult<T>> result = new AtomicReference<>();
        operation.thenAccept(result::set);
        sim.runUntil(() -> result.get() != null, sim.nowMillis() + AWAIT_BOUND_MILLIS, Limits.SIM_MAX_EVENTS);
        if (result.get() == null) {
            return OpResult.unknown("no answer within " + AWAIT_BOUND_MILLIS + " virtual ms");
        }
        return result.get();
    }

    @Override
    public DefinedVm definition(String host, String vm) {
        SimHost h = cluster.host(host);
        SimDomain domain = h == null ? null : h.domain(vm);
        if (domain == null) {
            throw new AssertionError("the simulated libvirtd of " + host + " holds no domain '" + vm + "'");
        }
        VmSpec spec = domain.spec();
        List<DefinedVm.DefinedDisk> disks = new ArrayList<>();
        for (int i = 0; i < spec.disks().size(); i++) {
            DiskSource source = DiskSources.of(vm + " disk " + i, spec.disks().get(i));
            disks.add(new DefinedVm.DefinedDisk(sourceOf(source), source.format().formatName()));
        }
        List<String> passthrough = new ArrayList<>();
        spec.passthrough().scsiControllers().forEach(a -> passthrough.add("pci " + a));
        spec.passthrough().luns().forEach(l -> passthrough.add("lun " + l));
        return new DefinedVm(spec, spec.cpuMode() == CpuMode.CUSTOM ? baseline : null, KVM_CLOCK, spec.guestAgent(),
                disks, passthrough);
    }

    /** The same words the libvirt backend reads from a domain's {@code <disk>}: type, then protocol and name or path. */
    private static String sourceOf(DiskSource source) {
        if (source instanceof DiskSource.Network n) {
            return "network " + n.protocol().protocolName() + " " + n.name();
        }
        if (source instanceof DiskSource.BlockDevice b) {
            return "block " + b.devicePath();
        }
        return "file " + ((DiskSource.ImageFile) source).file();
    }

    @Override
    public List<VmPort> ports(String host) {
        List<VmPort> ports = new ArrayList<>();
        for (Port p : cluster.fabric().host(host).ports()) {
            ports.add(new VmPort(p.name(), p.vm(), p.nicIndex(), p.bridge().name()));
        }
        ports.sort(Comparator.comparingInt(VmPort::number));
        return ports;
    }

    /** The simulated hypervisor has no machine type below L-02. */
    @Override
    public int maxVcpus(String host) {
        return Limits.VM_MAX_VCPUS;
    }

    @Override
    public void useBaselineCpu(CpuSpec cpu) {
        baseline = cpu;
    }

    /** Reads the source libvirtd's {@code migrate-start ... to <target> port <N>} trace lines. */
    @Override
    public MigrationWatch watchMigrations(String target) {
        Pattern start = Pattern.compile(" migrate-start \\S+ to " + Pattern.quote(target) + " port (\\d+)");
        SortedSet<Integer> ports = new TreeSet<>();
        boolean[] watching = {true};
        sim.trace().addSink(line -> {
            Matcher m = start.matcher(line);
            if (watching[0] && m.find()) {
                ports.add(Integer.parseInt(m.group(1)));
            }
        });
        return new MigrationWatch() {
            @Override
            public boolean observable() {
                return true;
            }

            @Override
            public SortedSet<Integer> ports() {
                return new TreeSet<>(ports);
            }

            @Override
            public void close() {
                watching[0] = false;
            }
        };
    }

    @Override
    public void close() {
    }
}
