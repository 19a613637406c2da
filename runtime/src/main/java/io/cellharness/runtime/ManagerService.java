package io.cellharness.runtime;

import io.cellharness.core.ha.HaManager;
import io.cellharness.core.ha.HaObserver;
import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.ha.HostHaState;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.port.DomainState;
import io.cellharness.core.port.FenceDriver;
import io.cellharness.core.port.Hypervisor;
import io.cellharness.core.port.Hypervisors;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PowerState;
import io.cellharness.core.port.SeededRandom;
import io.cellharness.engine.BlockingPool;
import io.cellharness.fence.BmcDriverFactory;
import io.cellharness.fence.BmcFenceDrivers;
import io.cellharness.fence.FenceExecutors;
import io.cellharness.fence.IpmiToolFenceDriver;
import io.cellharness.fence.RedfishFenceDriver;
import io.cellharness.fence.TlsTrust;
import io.cellharness.heartbeat.LeaseFileHeartbeats;
import io.cellharness.libvirt.LibvirtHypervisor;
import io.cellharness.libvirt.MigrationPeers;
import io.cellharness.libvirt.connect.LibvirtSettings;
import io.cellharness.libvirt.xml.RenderContext;
import io.cellharness.runtime.config.ConfigException;
import io.cellharness.runtime.config.ConfigFiles;
import io.cellharness.runtime.config.ManagerConfig;
import io.cellharness.runtime.config.Secrets;
import io.cellharness.runtime.journal.Journal;
import io.cellharness.runtime.journal.JournalEntry;
import io.cellharness.runtime.journal.JournalingObserver;
import io.cellharness.runtime.journal.Resumption;
import io.cellharness.runtime.journal.SqliteJournal;
import io.cellharness.runtime.status.ManagerMetrics;
import io.cellharness.runtime.status.ManagerState;
import io.cellharness.peer.TlsServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cell manager} (R-02, H-12): cell-core's {@code HaManager} on the engine loop, fencing through the real IPMI
 * and Redfish drivers, restarting through each host's libvirt URI, reading the lease-file heartbeats, talking to the
 * agents over HTTPS with mutual TLS, journaling every decision before it acts, and serving the read-only status API.
 *
 * <p>On start it resumes from the journal before the engine acts: fences issued and never confirmed are read back from
 * the BMC, restarts begun and never confirmed are asked about on their target host, and each VM starts out where the
 * journal last placed it, so no VM is started twice and no fence is forgotten.
 */
public final class ManagerService extends ServiceBase {

    private static final Logger LOG = LoggerFactory.getLogger(ManagerService.class);
    private static final long RESUME_BOUND_SECONDS = 60;

    private final Journal journal;
    private final ManagerState state;
    private final HaManager manager;
    private final BlockingPool fencePool;

    private ManagerService(ConfigFiles.Loaded<ManagerConfig> loaded, Secrets secrets)
            throws ConfigException, IOException {
        super(loaded.config().node(), loaded.directory(), loaded.config().tls(), loaded.config().listen(),
                loaded.config().nodes(), secrets);
        ManagerConfig c = loaded.config();
        this.fencePool = new BlockingPool("fence", 4, 64, engine);
        BmcFenceDrivers fence;
        try {
            fence = BmcFenceDrivers.of(loaded.cluster(), new BmcDriverFactory(new FenceExecutors(fencePool, engine),
                    IpmiToolFenceDriver.Settings.defaults(), RedfishFenceDriver.Settings.defaults(),
                    c.bmcTrust() == null ? TlsTrust.systemDefault()
                            : TlsTrust.certificatesFrom(loaded.resolve(c.bmcTrust())), secrets));
        } catch (IllegalArgumentException unusable) {
            close();
            throw new ConfigException(loaded.directory() + ": fencing: " + unusable.getMessage());
        }
        Map<String, Hypervisor> hypervisors = new TreeMap<>();
        Hypervisors byHost = host -> hypervisors.computeIfAbsent(host, h -> new LibvirtHypervisor(h,
                c.libvirt().get(h), RenderContext.kvm(), MigrationPeers.none(), libvirtPool, engine,
                LibvirtSettings.DEFAULTS));
        LeaseFileHeartbeats storage = new LeaseFileHeartbeats(loaded.resolve(c.storageHeartbeat().directory()),
                storagePool, c.storageHeartbeat().timeout());
        this.journal = new SqliteJournal(loaded.resolve(c.journal()));
        List<JournalEntry> before = journal.entries();
        ClusterSpec cluster = resume(loaded.cluster(), before, fence, byHost);
        this.state = new ManagerState(c.node(), loaded.cluster(), engine::nowMillis);
        state.replay(journal.entries());
        ManagerMetrics metrics = new ManagerMetrics(state, engine::nowMillis);
        server.route("/metrics", request -> new TlsServer.Response(200,
                "text/plain; version=0.0.4; charset=utf-8",
                metrics.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        HaObserver log = new HaObserver() {
            @Override
            public void transition(String host, HostHaState from, HostHaState to, String reason) {
                LOG.atInfo().addKeyValue("host", host).addKeyValue("state", to).addKeyValue("reason", reason)
                        .log("host {} {} -> {}", host, from, to);
            }

            @Override
            public void alert(String host, String message) {
                LOG.atWarn().addKeyValue("host", host).addKeyValue("reason", message).log("alert for host {}", host);
            }

            @Override
            public void fenceIssued(String host, int attempt) {
                LOG.atWarn().addKeyValue("host", host).addKeyValue("state", "FENCING")
                        .log("fencing host {} (attempt {})", host, attempt);
            }

            @Override
            public void restarting(String vm, String fromHost, String toHost, String reason) {
                LOG.atInfo().addKeyValue("vm", vm).addKeyValue("host", toHost).addKeyValue("reason", reason)
                        .log("restarting VM {} from {} on {}", vm, fromHost, toHost);
            }
        };
        HaSettings d = HaSettings.DEFAULTS;
        HaSettings settings = c.massFailureShare() == null && c.leaseTimeoutMillis() == null ? d : new HaSettings(d.heartbeatPeriodMillis(),
                d.neighbours(), d.checkMePeriodMillis(), d.neighbourSilenceMillis(), d.probeTimeoutMillis(),
                d.suspectAfterMillis(), d.checkTimeoutMillis(), d.storageCheckWindowMillis(),
                c.leaseTimeoutMillis() == null ? d.leaseTimeoutMillis() : c.leaseTimeoutMillis(),
                d.fenceCommandTimeoutMillis(), d.fenceConfirmDelayMillis(), d.fenceConfirmReads(),
                d.fenceRetryBaseMillis(), d.fenceRetryMaxMillis(), d.powerOnAfterFence(),
                c.massFailureShare() == null ? d.massFailureShare() : c.massFailureShare(),
                d.operationTimeoutMillis(), d.placementRetryMillis());
        this.manager = new HaManager(c.node(), cluster, engine, engine, byHost, fence, storage,
                new ObservedPeerChannel(channel, state::heartbeat), settings,
                new JournalingObserver(journal, List.of(state, metrics, log), metrics::journalWrite),
                new SeededRandom(c.macSeed() == null ? cluster.name().hashCode() : c.macSeed()));
        LOG.info("manager {} resumed from {} journal entries", c.node(), before.size());
    }

    /**
     * Before the engine acts: reads back every fence in flight and asks about every restart in doubt, journals the
     * answers, and returns the cluster with each VM where the journal last placed it.
     */
    private ClusterSpec resume(ClusterSpec cluster, List<JournalEntry> entries, BmcFenceDrivers fence,
                               Hypervisors hypervisors) {
        Resumption open = Resumption.from(entries);
        for (String host : open.fencesInFlight()) {
            Optional<FenceDriver> driver = fence.of(host);
            OpResult<PowerState> power = driver.isEmpty() ? OpResult.failed("no BMC")
                    : awaitOnEngine(() -> driver.get().powerStatus());
            String answer = power.isOk() ? power.value().name() : "UNKNOWN " + power.reason();
            journal.append(JournalEntry.Kind.FENCE_READ_BACK, host, "", answer);
            LOG.warn("resuming: fence of host {} was in flight; its BMC reads back {}", host, answer);
        }
        for (Map.Entry<String, String> doubt : open.restartsInDoubt().entrySet()) {
            String vm = doubt.getKey();
            String host = doubt.getValue();
            OpResult<io.cellharness.core.port.DomainInfo> domain =
                    awaitOnEngine(() -> hypervisors.of(host).domain(vm));
            String answer = domain.isOk() && domain.value().state() == DomainState.RUNNING ? "running"
                    : domain.isOk() ? "not running (" + domain.value().state() + ")"
                    : "not running or unknown: " + domain.reason();
            journal.append(JournalEntry.Kind.IN_DOUBT_RESOLVED, host, vm, answer);
            LOG.warn("resuming: restart of VM {} on {} was in doubt; {}", vm, host, answer);
        }
        return Resumption.from(journal.entries()).apply(cluster);
    }

    private <T> OpResult<T> awaitOnEngine(java.util.function.Supplier<CompletionStage<OpResult<T>>> call) {
        java.util.concurrent.CompletableFuture<OpResult<T>> result = new java.util.concurrent.CompletableFuture<>();
        engine.execute(() -> call.get().whenComplete((r, e) -> result.complete(e == null ? r
                : OpResult.unknown(e.toString()))));
        try {
            return result.get(RESUME_BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (Exception slow) {
            return OpResult.unknown("no answer within " + RESUME_BOUND_SECONDS + " s");
        }
    }

    public static ManagerService start(ConfigFiles.Loaded<ManagerConfig> loaded, Secrets secrets)
            throws ConfigException, IOException {
        ManagerService service = new ManagerService(loaded, secrets);
        service.server.start();
        service.engine.execute(service.manager::start);
        return service;
    }

    @Override
    Map<String, Object> status() {
        return state.snapshot();
    }

    @Override
    public void close() {
        if (manager != null) {
            engine.execute(manager::stop);
        }
        super.close();
        if (fencePool != null) {
            fencePool.close();
        }
        if (journal != null) {
            journal.close();
        }
    }
}
