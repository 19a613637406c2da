package io.cellharness.features.backend;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.DomainInfo;
import io.cellharness.core.port.DomainState;
import io.cellharness.core.port.Hypervisor;
import io.cellharness.core.port.LifecycleEventType;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.Subscription;
import io.cellharness.libvirt.LibvirtHypervisor;
import io.cellharness.libvirt.connect.LibvirtSettings;
import io.cellharness.libvirt.local.LocalTcpPorts;
import io.cellharness.libvirt.xml.DomainXmlException;
import io.cellharness.libvirt.xml.RenderContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;

/**
 * Real libvirt as a scenario backend: the hosts of {@link LibvirtHosts} (named daemons, or two private local ones),
 * each reached through its own {@link LibvirtHypervisor} for this scenario.
 *
 * <p>A scenario leaves its hosts as it found them: every domain it defined (seen as a {@code DEFINED} event, or on a
 * private local daemon simply any domain that was not there before) is destroyed and undefined when it closes. On a
 * daemon named by URI, a domain that existed before the scenario is never redefined: that define fails instead.
 *
 * <p>What only this backend can show comes from the daemons themselves: definitions from the domain XML they return,
 * ports from the live XML of running guests (and the kernel's bridge membership on local hosts), migration streams
 * from the sockets of the target's QEMU on local hosts.
 */
public final class LibvirtScenarioBackend implements ScenarioBackend {

    private static final System.Logger LOG = System.getLogger(LibvirtScenarioBackend.class.getName());
    /** The hypervisor answers every call, at the latest as unknown after its own timeout; this only guards a bug. */
    private static final long AWAIT_BACKSTOP_MILLIS = Limits.LIBVIRT_MIGRATION_TIMEOUT_MILLIS + 60_000;
    private static final long SOCKET_SAMPLE_MILLIS = 5;

    private final LibvirtHosts shared;
    private final TreeMap<String, LibvirtHypervisor> hypervisors = new TreeMap<>();
    private final TreeMap<String, Set<String>> before = new TreeMap<>();
    private final Set<String> defined = new ConcurrentSkipListSet<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private volatile CpuSpec baseline;

    private LibvirtScenarioBackend(LibvirtHosts shared) {
        this.shared = shared;
        for (String host : shared.names()) {
            LibvirtHypervisor hv = new LibvirtHypervisor(host, shared.host(host).uri(), vm -> context(host, vm),
                    shared.peers(), shared.calls(host), shared.engine(), LibvirtSettings.DEFAULTS);
            hypervisors.put(host, hv);
            subscriptions.add(hv.onLifecycleEvent(e -> {
                if (e.type() == LifecycleEventType.DEFINED) {
                    defined.add(e.vm());
                }
            }));
            OpResult<List<DomainInfo>> existing = await(hv.list());
            if (!existing.isOk()) {
                close();
                throw new BackendUnavailableException("libvirt at " + hv.uri() + " (host " + host + ") cannot list "
                        + "its domains: " + existing.reason());
            }
            before.put(host, new TreeSet<>(existing.value().stream().map(DomainInfo::name).toList()));
        }
    }

    /**
     * A backend for one scenario on this JVM's libvirt hosts (opened on first use).
     *
     * @throws BackendUnavailableException (one line) when libvirt or its daemons cannot be used
     */
    public static LibvirtScenarioBackend open() {
        return new LibvirtScenarioBackend(LibvirtHosts.shared());
    }

    /**
     * Opens this JVM's libvirt hosts now, so that a missing daemon is reported before any scenario runs.
     *
     * @return one line per host: name, URI, local or not, domain type, vCPU limit
     */
    public static List<String> requireHosts() {
        return LibvirtHosts.shared().describe();
    }

    /** the guests this JVM's libvirt hosts run, {@code kvm} or {@code qemu (TCG)}, per host when they differ. */
    public static String guests() {
        return LibvirtHosts.shared().guests();
    }

    /**
     * The facts a host's definitions need beyond the VM: the domain type the host offers, the Glue monitors of the
     * cluster in path order (this host's storage controller first, S-04; every Cell host has one), and the baseline
     * for custom-mode VMs (C-04). A local host is given the bridges the VM's NICs name.
     */
    private RenderContext context(String host, VmSpec vm) {
        LibvirtHosts.Host h = shared.host(host);
        if (!h.isLocal() && before.getOrDefault(host, Set.of()).contains(vm.name()) && !defined.contains(vm.name())) {
            throw new DomainXmlException("refusing to redefine '" + vm.name() + "' on " + host + ": that domain "
                    + "existed before this scenario and is not the scenario's");
        }
        if (h.isLocal()) {
            for (VmNicSpec nic : vm.nics()) {
                shared.ensureBridge(nic.bridge());
            }
        }
        List<String> monitors = new ArrayList<>();
        monitors.add(host);
        shared.names().stream().filter(n -> !n.equals(host)).forEach(monitors::add);
        return RenderContext.kvm().withDomainType(h.domainType()).withGlue(monitors, null).withCustomCpu(baseline);
    }

    @Override
    public String name() {
        return "libvirt";
    }

    @Override
    public List<String> hosts() {
        return shared.names();
    }

    @Override
    public Hypervisor hypervisor(String host) {
        shared.host(host); // a clear message for a host this backend lacks
        return hypervisors.get(host);
    }

    @Override
    public <T> OpResult<T> await(CompletionStage<OpResult<T>> operation) {
        try {
            return operation.toCompletableFuture().get(AWAIT_BACKSTOP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OpResult.unknown("interrupted while waiting for libvirt");
        } catch (Exception e) {
            return OpResult.unknown("no answer from libvirt: " + e);
        }
    }

    @Override
    public DefinedVm definition(String host, String vm) {
        OpResult<String> xml = await(hypervisors.get(host).domainXml(vm));
        if (!xml.isOk()) {
            throw new AssertionError("libvirt on " + host + " holds no definition of '" + vm + "': " + xml.reason());
        }
        return LibvirtDefinitions.read(xml.value());
    }

    /** From the live XML of each running guest; on a local host the kernel says which bridge a port is really on. */
    @Override
    public List<VmPort> ports(String host) {
        LibvirtHypervisor hv = hypervisors.get(host);
        OpResult<List<DomainInfo>> domains = await(hv.list());
        if (!domains.isOk()) {
            throw new AssertionError("cannot list the domains of " + host + ": " + domains.reason());
        }
        List<VmPort> ports = new ArrayList<>();
        for (DomainInfo d : domains.value()) {
            if (d.state() != DomainState.RUNNING && d.state() != DomainState.PAUSED) {
                continue;
            }
            OpResult<String> live = await(hv.domainXml(d.name()));
            if (live.isOk()) {
                for (VmPort p : LibvirtDefinitions.ports(d.name(), live.value())) {
                    ports.add(shared.host(host).isLocal() ? new VmPort(p.name(), p.vm(), p.nic(), kernelBridge(p))
                            : p);
                }
            }
        }
        ports.sort(Comparator.comparingInt(VmPort::number));
        return ports;
    }

    /** The bridge {@code /sys/class/net/<port>/master} names, or "(no bridge)" when the port is on none. */
    private static String kernelBridge(VmPort port) {
        Path master = Path.of("/sys/class/net", port.name(), "master");
        try {
            return Files.readSymbolicLink(master).getFileName().toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "(no bridge)";
        }
    }

    @Override
    public int maxVcpus(String host) {
        return shared.host(host).maxVcpus();
    }

    @Override
    public void useBaselineCpu(CpuSpec cpu) {
        baseline = cpu;
    }

    /**
     * On a local host, samples the TCP sockets of the target daemon's QEMU processes while watching; a remote host's
     * sockets cannot be seen from here.
     */
    @Override
    public MigrationWatch watchMigrations(String target) {
        LibvirtHosts.Host host = shared.host(target);
        SortedSet<Integer> ports = new ConcurrentSkipListSet<>();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (long pid : host.local().guestPids()) {
                    ports.addAll(LocalTcpPorts.of(pid));
                }
                try {
                    Thread.sleep(SOCKET_SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "migration-sockets " + target);
        if (host.isLocal()) {
            sampler.setDaemon(true);
            sampler.start();
        }
        return new MigrationWatch() {
            @Override
            public boolean observable() {
                return host.isLocal();
            }

            @Override
            public SortedSet<Integer> ports() {
                return new TreeSet<>(ports);
            }

            @Override
            public void close() {
                sampler.interrupt();
                try {
                    sampler.join(TimeUnit.SECONDS.toMillis(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    /** Destroys and undefines what this scenario defined, then lets go of the connections. */
    @Override
    public void close() {
        for (var entry : hypervisors.entrySet()) {
            String host = entry.getKey();
            LibvirtHypervisor hv = entry.getValue();
            boolean local = shared.host(host).isLocal();
            Set<String> old = before.getOrDefault(host, Set.of());
            OpResult<List<DomainInfo>> domains = await(hv.list());
            if (!domains.isOk()) {
                LOG.log(System.Logger.Level.WARNING, "cannot clean up {0}: {1}", host, domains.reason());
                continue;
            }
            for (DomainInfo d : domains.value()) {
                if (defined.contains(d.name()) || (local && !old.contains(d.name()))) {
                    if (d.state() != DomainState.SHUTOFF && d.state() != DomainState.CRASHED) {
                        await(hv.destroy(d.name()));
                    }
                    OpResult<Void> gone = await(hv.undefine(d.name()));
                    if (!gone.isOk()) {
                        LOG.log(System.Logger.Level.WARNING, "{0} left on {1}: {2}", d.name(), host, gone.reason());
                    }
                }
            }
        }
        subscriptions.forEach(Subscription::close);
        hypervisors.values().forEach(LibvirtHypervisor::close);
    }
}
