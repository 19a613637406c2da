package io.cellharness.libvirt;

import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.CpuComparison;
import io.cellharness.core.port.DomainInfo;
import io.cellharness.core.port.HostCapabilities;
import io.cellharness.core.port.Hypervisor;
import io.cellharness.core.port.LifecycleEvent;
import io.cellharness.core.port.LifecycleEventType;
import io.cellharness.core.port.MigrationRequest;
import io.cellharness.core.port.MigrationResult;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.Subscription;
import io.cellharness.libvirt.connect.LibvirtCallException;
import io.cellharness.libvirt.connect.LibvirtConnection;
import io.cellharness.libvirt.connect.LibvirtDirectCalls;
import io.cellharness.libvirt.connect.LibvirtError;
import io.cellharness.libvirt.connect.LibvirtErrorCode;
import io.cellharness.libvirt.connect.LibvirtSettings;
import io.cellharness.libvirt.connect.LibvirtStates;
import io.cellharness.libvirt.xml.CpuXml;
import io.cellharness.libvirt.xml.DomXml;
import io.cellharness.libvirt.xml.DomainXmlException;
import io.cellharness.libvirt.xml.DomainXmlRenderer;
import io.cellharness.libvirt.xml.RenderContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainJobStats;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;
import org.libvirt.TypedParameter;
import org.libvirt.TypedStringParameter;
import org.w3c.dom.Element;

/**
 * The {@link Hypervisor} port on a real libvirt daemon, for any libvirt URI ({@code qemu:///system},
 * {@code qemu+tcp://host/system}, {@code test:///path/node.xml}). Talks to libvirt only through its API.
 *
 * <p>libvirt calls block, so each runs on {@code libvirtCalls}, a bounded executor the caller owns; the result is
 * delivered on {@code engine}, the engine's single thread. A call libvirt rejects completes {@link OpResult.Failed}; a
 * call whose connection broke, or that did not answer within the call timeout, completes {@link OpResult.Unknown}
 * (it may have taken effect). Lifecycle events come from libvirt's event loop and are handed to {@code engine} at once.
 *
 * <p>Live migration (G-01, G-02) is peer-to-peer and {@code LIVE | PERSIST_DEST | UNDEFINE_SOURCE} (plus
 * {@code AUTO_CONVERGE} and {@code NON_SHARED_DISK} on request), the memory stream to {@code tcp://<target>:<port>},
 * where the target's QEMU listens on that address only. Progress is read from the job while it runs; the downtime
 * and pre-copy iterations of the result come from the target's completed job (0 when the target cannot be asked).
 */
public final class LibvirtHypervisor implements Hypervisor, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LibvirtHypervisor.class.getName());
    /** {@code VIR_DOMAIN_JOB_STATS_COMPLETED}. */
    private static final int JOB_STATS_COMPLETED = 1;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    /** A libvirt call, run on a libvirt thread with an open connection. */
    @FunctionalInterface
    private interface LibvirtCall<T> {
        OpResult<T> call(LibvirtConnection.Handle handle) throws LibvirtException, LibvirtCallException;
    }

    private final String host;
    private final LibvirtConnection connection;
    private final Function<VmSpec, RenderContext> renderContexts;
    private final MigrationPeers peers;
    private final Executor libvirtCalls;
    private final Executor engine;
    private final LibvirtSettings settings;
    private final ScheduledExecutorService progressReader;
    private final List<Consumer<LifecycleEvent>> lifecycleListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<MigrationProgress>> progressListeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<Registration> events = new AtomicReference<>();
    /**
     * Callbacks of earlier connections, kept reachable: libvirt-java's domain objects hold references to an old
     * connection, so libvirt may keep it (and its callback pointer) alive after we closed it; JNA must not free it.
     */
    private final List<Registration> retired = new CopyOnWriteArrayList<>();

    private record Registration(LibvirtConnection.Handle handle, LibvirtDirectCalls.LifecycleRegistration id) {
    }

    /**
     * @param host           the host this hypervisor runs on (named in events and capabilities)
     * @param uri            the libvirt URI
     * @param renderContexts the rendering facts for each VM (domain type, Glue monitors in path order ...)
     * @param peers          where migration targets are
     * @param libvirtCalls   a bounded executor for blocking libvirt calls, owned by the caller; at least two threads,
     *                       so that migration progress can be read while a migration runs
     * @param engine         the engine's executor; every completion and event is delivered there
     * @param settings       timings
     */
    public LibvirtHypervisor(String host, String uri, Function<VmSpec, RenderContext> renderContexts,
                             MigrationPeers peers, Executor libvirtCalls, Executor engine, LibvirtSettings settings) {
        this.host = host;
        this.renderContexts = renderContexts;
        this.peers = peers;
        this.libvirtCalls = libvirtCalls;
        this.engine = engine;
        this.settings = settings;
        this.connection = new LibvirtConnection(uri, settings);
        this.progressReader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "libvirt-migration-progress " + host);
            t.setDaemon(true);
            return t;
        });
        // Every new connection (the first, and each after a daemon restart) re-arms the lifecycle callback.
        connection.onOpen(this::registerEvents);
        connection.onDiscard(this::deregisterEvents);
    }

    /** A hypervisor with one rendering context for every VM. */
    public LibvirtHypervisor(String host, String uri, RenderContext renderContext, MigrationPeers peers,
                             Executor libvirtCalls, Executor engine, LibvirtSettings settings) {
        this(host, uri, vm -> renderContext, peers, libvirtCalls, engine, settings);
    }

    public String uri() {
        return connection.uri();
    }

    /** The connection, for tests and diagnostics (how often it was reopened). */
    public LibvirtConnection connection() {
        return connection;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public CompletionStage<OpResult<Void>> ping() {
        return call("ping " + host, settings.callTimeoutMillis(), h -> {
            h.connect().getLibVersion(); // a round trip on remote transports
            return OpResult.ok();
        });
    }

    @Override
    public CompletionStage<OpResult<Void>> define(VmSpec vm) {
        return call("define " + vm.name(), settings.callTimeoutMillis(), h -> {
            String xml = DomainXmlRenderer.render(vm, renderContexts.apply(vm));
            LibvirtDirectCalls.defineValidated(h, xml);
            return OpResult.ok();
        });
    }

    @Override
    public CompletionStage<OpResult<Void>> undefine(String vm) {
        return onDomain("undefine", vm, Domain::undefine);
    }

    @Override
    public CompletionStage<OpResult<Void>> start(String vm) {
        return onDomain("start", vm, Domain::create);
    }

    @Override
    public CompletionStage<OpResult<Void>> shutdown(String vm) {
        return onDomain("shutdown", vm, Domain::shutdown);
    }

    @Override
    public CompletionStage<OpResult<Void>> destroy(String vm) {
        return onDomain("destroy", vm, Domain::destroy);
    }

    @Override
    public CompletionStage<OpResult<Void>> suspend(String vm) {
        return onDomain("suspend", vm, Domain::suspend);
    }

    @Override
    public CompletionStage<OpResult<Void>> resume(String vm) {
        return onDomain("resume", vm, Domain::resume);
    }

    @Override
    public CompletionStage<OpResult<List<DomainInfo>>> list() {
        return call("list domains of " + host, settings.callTimeoutMillis(), h -> {
            List<DomainInfo> out = new ArrayList<>();
            for (Domain d : h.connect().listAllDomains(0)) {
                String name = d.getName();
                try {
                    out.add(LibvirtDirectCalls.state(h, name));
                } catch (LibvirtCallException e) {
                    if (e.error().code() != LibvirtErrorCode.NO_DOMAIN) {
                        throw e;
                    } // undefined between the listing and the look-up
                }
            }
            out.sort(Comparator.comparing(DomainInfo::name));
            return OpResult.ok(List.copyOf(out));
        });
    }

    @Override
    public CompletionStage<OpResult<DomainInfo>> domain(String vm) {
        return call("look up " + vm, settings.callTimeoutMillis(), h -> OpResult.ok(LibvirtDirectCalls.state(h, vm)));
    }

    /** The live definition of a domain as libvirt holds it (for checks such as the vnet port name, N-04). */
    public CompletionStage<OpResult<String>> domainXml(String vm) {
        return call("read the definition of " + vm, settings.callTimeoutMillis(),
                h -> OpResult.ok(h.connect().domainLookupByName(vm).getXMLDesc(0)));
    }

    @Override
    public CompletionStage<OpResult<HostCapabilities>> capabilities() {
        return call("read capabilities of " + host, settings.callTimeoutMillis(), h -> {
            Element caps = DomXml.parse(h.connect().getCapabilities(), "libvirt's capabilities");
            Element hostElement = DomXml.firstChild(caps, "host");
            Element cpu = hostElement == null ? null : DomXml.firstChild(hostElement, "cpu");
            NodeInfo node = h.connect().nodeInfo();
            int cores = Math.max(1, node.nodes) * node.sockets * node.cores;
            return OpResult.ok(new HostCapabilities(host, cpu == null ? null : CpuXml.read(cpu), cores,
                    node.memory * 1024L));
        });
    }

    @Override
    public CompletionStage<OpResult<CpuComparison>> compareCpu(CpuSpec cpu) {
        return call("compare CPU " + cpu.model() + " with " + host, settings.callTimeoutMillis(), h -> {
            String xml = CpuXml.guest(cpu).toXml();
            try {
                int result = LibvirtDirectCalls.compareCpu(h, xml);
                return OpResult.ok(new CpuComparison(result == 1 ? CpuComparison.Result.IDENTICAL
                        : CpuComparison.Result.SUPERSET, ""));
            } catch (LibvirtCallException e) {
                if (e.error().code() == LibvirtErrorCode.CPU_INCOMPATIBLE) {
                    return OpResult.ok(new CpuComparison(CpuComparison.Result.INCOMPATIBLE, e.error().message()));
                }
                throw e;
            }
        });
    }

    @Override
    public CompletionStage<OpResult<CpuSpec>> baselineCpu(List<CpuSpec> cpus) {
        return call("baseline of " + cpus.size() + " CPUs on " + host, settings.callTimeoutMillis(), h -> {
            if (cpus.isEmpty()) {
                return OpResult.failed("baseline needs at least one CPU (C-04)");
            }
            String[] xmls = cpus.stream().map(c -> CpuXml.host(c).toXml()).toArray(String[]::new);
            CpuSpec baseline = CpuXml.read(DomXml.parse(h.connect().baselineCPU(xmls), "libvirt's CPU baseline"));
            if (baseline.generation() == 0) {
                // A model libvirt knows but our table does not: the oldest input generation is the honest bound.
                int oldest = cpus.stream().mapToInt(CpuSpec::generation).min().orElse(0);
                baseline = new CpuSpec(baseline.vendor(), baseline.model(), oldest, baseline.features());
            }
            return OpResult.ok(baseline);
        });
    }

    @Override
    public CompletionStage<OpResult<MigrationResult>> migrate(MigrationRequest request) {
        String what = "migrate " + request.vm() + " from " + host + " to " + request.targetHost();
        Optional<MigrationPeer> peer = peers.peer(request.targetHost());
        if (peer.isEmpty()) {
            return deliver(OpResult.failed(what + ": no libvirt address is known for host '" + request.targetHost()
                    + "'"));
        }
        return call(what, settings.migrationTimeoutMillis(), h -> migrate(h, request, peer.get()));
    }

    /** Progress of running migrations, delivered on the engine executor. */
    public Subscription onMigrationProgress(Consumer<MigrationProgress> listener) {
        progressListeners.add(listener);
        return () -> progressListeners.remove(listener);
    }

    @Override
    public Subscription onLifecycleEvent(Consumer<LifecycleEvent> listener) {
        lifecycleListeners.add(listener);
        if (connection.currentIfOpen() == null) {
            // Nothing opened the connection yet: open it so that the callback is registered.
            try {
                libvirtCalls.execute(() -> {
                    try {
                        connection.handle();
                    } catch (LibvirtException | RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "cannot open {0} for events: {1}", uri(), e.getMessage());
                    }
                });
            } catch (RejectedExecutionException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot open {0} for events: executor busy", uri());
            }
        }
        return () -> lifecycleListeners.remove(listener);
    }

    @Override
    public void close() {
        progressReader.shutdownNow();
        connection.close(); // deregisters the lifecycle callback through the discard hook
        events.set(null);
    }

    private OpResult<MigrationResult> migrate(LibvirtConnection.Handle h, MigrationRequest request, MigrationPeer peer)
            throws LibvirtException {
        Domain domain = h.connect().domainLookupByName(request.vm());
        if (request.maxDowntimeMillis() > 0) {
            domain.migrateSetMaxDowntime(request.maxDowntimeMillis());
        }
        int flags = Domain.MigrateFlags.LIVE | Domain.MigrateFlags.PEER2PEER | Domain.MigrateFlags.PERSIST_DEST
                | Domain.MigrateFlags.UNDEFINE_SOURCE;
        if (request.autoConverge()) {
            flags |= Domain.MigrateFlags.AUTO_CONVERGE;
        }
        if (request.copyStorage()) {
            flags |= Domain.MigrateFlags.NON_SHARED_DISK;
        }
        TypedParameter[] params = {
            new TypedStringParameter("migrate_uri", peer.migrateUri(request.port())), // VIR_MIGRATE_PARAM_URI
            // VIR_MIGRATE_PARAM_LISTEN_ADDRESS: the target's QEMU listens on the management address only (G-02).
            new TypedStringParameter("listen_address", peer.migrationAddress()),
        };
        AtomicReference<MigrationProgress> last = new AtomicReference<>();
        long period = settings.migrationProgressMillis();
        ScheduledFuture<?> reading = progressReader.scheduleAtFixedRate(
                () -> readProgress(domain, request.vm(), last), period, period, TimeUnit.MILLISECONDS);
        long startNanos = System.nanoTime();
        try {
            domain.migrateToURI(peer.libvirtUri(), params, flags);
        } finally {
            reading.cancel(false);
        }
        long durationMillis = (System.nanoTime() - startNanos) / NANOS_PER_MILLI;
        MigrationProgress seen = last.get();
        long[] completed = completedOnTarget(peer, request.vm());
        long downtime = completed == null ? 0 : completed[0];
        int iterations = completed != null ? (int) completed[1] : seen == null ? 0 : seen.iteration();
        return OpResult.ok(new MigrationResult(durationMillis, downtime, iterations));
    }

    private void readProgress(Domain domain, String vm, AtomicReference<MigrationProgress> last) {
        try {
            DomainJobStats stats = domain.getJobStats(0);
            if (stats.type == 0) {
                return; // VIR_DOMAIN_JOB_NONE: not started yet, or finished
            }
            MigrationProgress p = new MigrationProgress(vm, stat(stats, "time_elapsed"), stat(stats, "data_total"),
                    stat(stats, "data_processed"), stat(stats, "data_remaining"),
                    (int) stat(stats, "memory_iteration"));
            last.set(p);
            for (Consumer<MigrationProgress> l : progressListeners) {
                engine.execute(() -> l.accept(p));
            }
        } catch (LibvirtException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "migration progress of {0}: {1}", vm, e.getMessage());
        }
    }

    /** {downtime ms, iterations} of the migration the target completed, or null when it cannot be asked. */
    private static long[] completedOnTarget(MigrationPeer peer, String vm) {
        Connect target = null;
        try {
            target = new Connect(peer.libvirtUri());
            DomainJobStats stats = target.domainLookupByName(vm).getJobStats(JOB_STATS_COMPLETED);
            return new long[] {stat(stats, "downtime"), stat(stats, "memory_iteration")};
        } catch (LibvirtException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "cannot read the completed migration of {0} at {1}: {2}", vm,
                    peer.libvirtUri(), e.getMessage());
            return null;
        } finally {
            if (target != null) {
                try {
                    target.close();
                } catch (LibvirtException e) {
                    LOG.log(System.Logger.Level.DEBUG, "closing {0}: {1}", peer.libvirtUri(), e.getMessage());
                }
            }
        }
    }

    private static long stat(DomainJobStats stats, String field) {
        if (stats.stats == null) {
            return 0;
        }
        for (TypedParameter p : stats.stats) {
            if (field.equals(p.field)) {
                try {
                    return Long.parseLong(p.getValueAsString());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    @FunctionalInterface
    private interface DomainAction {
        void apply(Domain domain) throws LibvirtException;
    }

    private CompletionStage<OpResult<Void>> onDomain(String verb, String vm, DomainAction action) {
        return call(verb + " " + vm + " on " + host, settings.callTimeoutMillis(), h -> {
            action.apply(h.connect().domainLookupByName(vm));
            return OpResult.ok();
        });
    }

    private void registerEvents(LibvirtConnection.Handle handle) {
        try {
            Registration old = events.getAndSet(
                    new Registration(handle, LibvirtDirectCalls.registerLifecycle(handle, this::onEvent)));
            if (old != null) {
                retired.add(old); // deregistered when its connection was discarded
            }
        } catch (LibvirtCallException e) {
            LOG.log(System.Logger.Level.WARNING, "no lifecycle events from {0}: {1}", uri(), e.getMessage());
        }
    }

    /** Before a connection is closed (while its pointer is valid), so that it never calls a stale callback. */
    private void deregisterEvents(LibvirtConnection.Handle handle) {
        Registration r = events.get();
        if (r != null && r.handle() == handle) {
            LibvirtDirectCalls.deregister(handle, r.id());
        }
    }

    /** On libvirt's event loop thread: translate and hand off, nothing else. */
    private void onEvent(String domain, int event, int detail) {
        LifecycleEventType type = LibvirtStates.event(event);
        if (type == null || domain == null || lifecycleListeners.isEmpty()) {
            return;
        }
        LifecycleEvent e = new LifecycleEvent(host, domain, type, LibvirtStates.eventDetail(event, detail));
        try {
            engine.execute(() -> {
                for (Consumer<LifecycleEvent> l : lifecycleListeners) {
                    l.accept(e);
                }
            });
        } catch (RejectedExecutionException ex) {
            LOG.log(System.Logger.Level.WARNING, "engine refused lifecycle event {0}", e);
        }
    }

    private <T> CompletionStage<OpResult<T>> call(String what, long timeoutMillis, LibvirtCall<T> body) {
        CompletableFuture<OpResult<T>> result = new CompletableFuture<>();
        try {
            libvirtCalls.execute(() -> result.complete(run(what, body)));
        } catch (RejectedExecutionException e) {
            result.complete(OpResult.failed(what + ": refused, every libvirt call slot of " + host + " is busy"));
        }
        return result.completeOnTimeout(OpResult.unknown(what + ": libvirt at " + uri() + " did not answer within "
                        + timeoutMillis + " ms"), timeoutMillis, TimeUnit.MILLISECONDS)
                .thenApplyAsync(r -> r, engine);
    }

    private <T> CompletionStage<OpResult<T>> deliver(OpResult<T> value) {
        return CompletableFuture.supplyAsync(() -> value, engine);
    }

    private <T> OpResult<T> run(String what, LibvirtCall<T> body) {
        LibvirtConnection.Handle handle = null;
        try {
            handle = connection.handle();
            return body.call(handle);
        } catch (LibvirtException e) {
            return failure(what, handle, LibvirtError.last(e));
        } catch (LibvirtCallException e) {
            return failure(what, handle, e.error());
        } catch (DomainXmlException e) {
            return OpResult.failed(what + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // Not a libvirt answer (a JNA or binding fault): whether the call took effect is not known.
            LOG.log(System.Logger.Level.WARNING, what + " failed unexpectedly", e);
            return OpResult.unknown(what + ": " + e);
        }
    }

    private <T> OpResult<T> failure(String what, LibvirtConnection.Handle handle, LibvirtError error) {
        if (handle != null && error.connectionBroken()) {
            connection.markBroken(handle, error.message());
        }
        return error.toResult(what);
    }
}
