package io.cellharness.core.ha;

import io.cellharness.core.capacity.HostLoad;
import io.cellharness.core.migration.LiveMigrator;
import io.cellharness.core.migration.MigrationOptions;
import io.cellharness.core.migration.MigrationPlan;
import io.cellharness.core.limits.Limits;
import io.cellharness.core.mac.MacAllocator;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.port.RandomSource;
import io.cellharness.core.provision.VmDefiner;
import io.cellharness.core.network.NetworkFabric;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.Clock;
import io.cellharness.core.port.DomainState;
import io.cellharness.core.port.FenceDriver;
import io.cellharness.core.port.FenceDrivers;
import io.cellharness.core.port.Hypervisors;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PeerChannel;
import io.cellharness.core.port.PeerMessage;
import io.cellharness.core.port.PowerState;
import io.cellharness.core.port.Scheduler;
import io.cellharness.core.port.StorageHeartbeats;
import io.cellharness.core.port.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;

/**
 * The manager's HA role (Mold, H-03 … H-10): one state machine per host, driven by helpers' heartbeats, neighbours'
 * reports and a periodic evaluation.
 *
 * <p>Safety (H-06): a failed host's VMs are restarted elsewhere only once the host is known not to run them: its BMC
 * powered it off and the power state was read back as off, or its lease expired. A host whose storage heartbeat still
 * advances is alive: it is isolated, never fenced (H-07). A fence that cannot complete is retried with back-off and
 * alerted, and the lease channel ends it (H-09). When too many hosts look failed at once, not counting hosts known to
 * be alive, nothing is fenced automatically (H-10). A restart whose outcome is unknown is resolved by asking the
 * target before the VM is placed anywhere else.
 *
 * <h2>Decisions on evidence, not silence</h2>
 * Only storage reads that completed count. A read that fails or times out proves nothing about the host: the check
 * of a suspect host decides "alive on storage" when a read shows the counter above the one read first since the check
 * began, and "storage heartbeat stopped" only when successful reads show no renewal over the whole storage check
 * window; with too few completed reads the window is extended (traced as evidence) and nothing is fenced. Reads go once
 * a tick with retries after {@link Limits#HA_STORAGE_RETRY_MS} while earlier ones stay in flight, as the helpers'
 * writes do, so a lost message costs one retry.
 *
 * <h2>The lease: both sides compute it from the same evidence (as sanlock does)</h2>
 * With R = {@link Limits#HA_STORAGE_RENEW_WITHIN_MS}, W = the host's watchdog timeout
 * ({@link Limits#HA_WATCHDOG_TIMEOUT_MS}), g = the watchdog's granularity (how late after W it may fire) and L = the
 * lease timeout:
 * <ol>
 *   <li>The host renews (pets its watchdog) only when a heartbeat write, or a management heartbeat the manager
 *       acknowledged, succeeds within R of being sent. A write lands on storage after it is sent and before its
 *       success arrives; a heartbeat reaches the manager after it is sent. So every renewal at time p comes from a
 *       write that landed at some a &gt; p − R, or from a heartbeat the manager received at some h &gt; p − R.</li>
 *   <li>Unrenewed for W, the watchdog resets the host by W + g after its last renewal: every VM of it stops, and
 *       after the reset it boots without them.</li>
 *   <li>The manager sees a counter value first in a read that completed at F (the renewal that wrote it landed
 *       before F), the same value in a later successful read sent at S (no renewal landed between F and S), and its
 *       last management heartbeat from the host at H. Let X = max(F, H) + R: every renewal from a write landed
 *       before F or a heartbeat received by H happened before X. A later renewal needs a write landed after S, or
 *       a heartbeat received after H; both need the host still alive after S. Alive after X, the host needs a
 *       renewal within W + g, and there is none in (X, S]: so if S − max(F, H) ≥ R + W + g, the host was reset by
 *       S, before the manager decides.</li>
 *   <li>Hence the rule: the lease is expired when S − max(F, H) ≥ L, and L ≥ R + W + g. The defaults: R = 2 s,
 *       W = 10 s, g = 1 s (the simulator's watchdog looks every W/10), L = 20 s: 7 s to spare. Retries (every
 *       {@link Limits#HA_STORAGE_RETRY_MS}, at most {@link Limits#HA_STORAGE_ATTEMPTS_PER_PERIOD} a period) only
 *       make renewals likelier; they never stretch R. The manager's read cadence (one a tick) only decides how soon
 *       after L it notices.</li>
 * </ol>
 * The simulator checks the result after every event (invariant {@code lease-expiry-is-true}: a host whose lease is
 * declared expired runs none of its VMs and its watchdog is not being fed), and {@code unsafe-lease.yaml} shows a lease
 * shorter than R + W + g caught.
 */
public final class HaManager {

    private final String node;
    private final ClusterSpec cluster;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Hypervisors hypervisors;
    private final FenceDrivers fenceDrivers;
    private final StorageHeartbeats storage;
    private final PeerChannel peers;
    private final HaSettings settings;
    private final HaObserver observer;
    private final Ring ring;
    private final RecoveryPlacer placer;
    /** Defines restarted VMs as every define goes: limits first, MACs completed (L-01 … L-04, M-01, M-02). */
    private final VmDefiner definer;
    private final TreeMap<String, HostRecord> hosts = new TreeMap<>();
    private final TreeMap<String, VmSpec> vms = new TreeMap<>();
    /** Where each VM is believed to run. */
    private final Placements placement = new Placements();
    /** When the manager itself last placed each VM (restart, migration, resolved doubt): reports older than that are stale. */
    private final TreeMap<String, Long> placedAt = new TreeMap<>();
    /** HA VMs waiting to be placed, with the host they were lost from. */
    private final TreeMap<String, String> homeless = new TreeMap<>();
    /** HA VMs being started: VM to target host. */
    private final TreeMap<String, String> starting = new TreeMap<>();
    /** VMs whose start on a host had an unknown outcome: VM to that host, asked again before anything else. */
    private final TreeMap<String, String> inDoubt = new TreeMap<>();
    /** VMs being live-migrated by the manager: VM to its source and target. */
    private final TreeMap<String, Move> migrating = new TreeMap<>();
    /** Migrations whose outcome is unknown: the VM is on its source or its target; both are asked. */
    private final TreeMap<String, Move> migrationInDoubt = new TreeMap<>();
    /** The host each VM in recovery came from. */
    private final TreeMap<String, String> origin = new TreeMap<>();
    private final TreeMap<String, Long> unplaceableReportedAt = new TreeMap<>();
    private Subscription serving;
    private Scheduler.Cancellable ticker;
    private boolean massGuard;

    /** A live migration's two ends. */
    private record Move(String source, String target) {
    }

    /** What the manager knows of one host. */
    private static final class HostRecord {
        final HostSpec spec;
        HostHaState state = HostHaState.UP;
        long lastHeartbeatAt;
        boolean libvirtOk = true;
        List<String> running = List.of();
        final TreeMap<String, Integer> missing = new TreeMap<>();
        final TreeMap<String, Long> missingSince = new TreeMap<>();
        // storage heartbeat evidence: only reads that completed successfully count (H-06, H-07)
        boolean watchingStorage;
        /** The highest counter a successful read returned, or -1. */
        long seen = -1;
        /** When the first successful read that returned {@link #seen} completed: the last renewal landed before. */
        long seenFirstAt;
        /** When the latest successful read that returned {@link #seen} was sent: no renewal landed before it. */
        long seenLastSentAt;
        /** When the latest read that completed successfully was sent. */
        long lastGoodReadSentAt = Long.MIN_VALUE / 2;
        int readsInFlight;
        // checking
        long checkStartedAt;
        /** The counter read by the first successful read sent since the check began, or -1. */
        long baseline = -1;
        /** A read after the baseline showed a larger counter: the host renewed since the check began. */
        boolean advanced;
        int readsOk;
        int readsFailed;
        boolean extensionNoted;
        /** The counter when the fence was decided: a larger one means the host is alive on storage after all. */
        long seenAtFence = -1;
        int checkReplies;
        int checkExpected;
        boolean neighbourHeard;
        String neighbourEvidence = "";
        boolean storageAlertRaised;
        // fencing
        int fenceAttempt;
        long nextFenceAt;
        boolean fenceInFlight;

        HostRecord(HostSpec spec) {
            this.spec = spec;
        }
    }

    /**
     * @param random the manager's seeded random source (MACs it assigns when a restarted VM's NIC has none, M-01)
     */
    public HaManager(String node, ClusterSpec cluster, Scheduler scheduler, Clock clock, Hypervisors hypervisors,
                     FenceDrivers fenceDrivers, StorageHeartbeats storage, PeerChannel peers, HaSettings settings,
                     HaObserver observer, RandomSource random) {
        this.definer = new VmDefiner(MacAllocator.rebuild(cluster, random.split("mac"), null));
        this.node = node;
        this.cluster = cluster;
        this.scheduler = scheduler;
        this.clock = clock;
        this.hypervisors = hypervisors;
        this.fenceDrivers = fenceDrivers;
        this.storage = storage;
        this.peers = peers;
        this.settings = settings;
        this.observer = observer;
        List<String> names = new ArrayList<>();
        for (HostSpec h : cluster.hosts()) {
            hosts.put(h.name(), new HostRecord(h));
            names.add(h.name());
        }
        this.ring = new Ring(names, settings.neighbours());
        this.placer = new RecoveryPlacer(cluster);
        for (VmSpec vm : cluster.vms()) {
            vms.put(vm.name(), vm);
            if (vm.host() != null) {
                placement.put(vm.name(), vm.host());
            }
        }
    }

    public void start() {
        long now = clock.nowMillis();
        for (HostRecord r : hosts.values()) {
            r.lastHeartbeatAt = now;
            if (hosts.size() < 2) {
                move(r, HostHaState.INELIGIBLE, "a host needs a neighbour to be checked");
            }
        }
        serving = peers.serve(node, this::handle);
        ticker = scheduler.periodic(settings.heartbeatPeriodMillis(), settings.heartbeatPeriodMillis(), "ha-manager tick",
                this::tick);
    }

    public void stop() {
        if (ticker != null) {
            ticker.cancel();
        }
        if (serving != null) {
            serving.close();
        }
    }

    // ---- queries (for tests, scenarios and reports) ----

    public HostHaState state(String host) {
        return hosts.get(host).state;
    }

    public Map<String, HostHaState> states() {
        TreeMap<String, HostHaState> out = new TreeMap<>();
        hosts.forEach((h, r) -> out.put(h, r.state));
        return out;
    }

    /** Where the manager believes {@code vm} runs. */
    public Optional<String> placementOf(String vm) {
        return Optional.ofNullable(placement.get(vm));
    }

    /** HA VMs waiting for a host (reported unplaceable or not yet placed). */
    public List<String> homeless() {
        return List.copyOf(homeless.keySet());
    }

    public boolean massFailureGuardActive() {
        return massGuard;
    }

    /**
     * G-01 … G-05: live-migrates {@code vm} to {@code target} through the manager, which keeps track of it: the VM is
     * not judged missing while it moves, and a migration whose outcome is unknown (or whose source or target fails)
     * is resolved by asking both ends before the VM could be restarted anywhere.
     * The planner sees the cluster the manager was given, with every VM where the manager believes it runs.
     */
    public CompletionStage<LiveMigrator.Outcome> migrate(String vm, String target, MigrationOptions options,
                                                         NetworkFabric network) {
        String source = placement.get(vm);
        if (source == null || migrating.containsKey(vm) || migrationInDoubt.containsKey(vm) || starting.containsKey(vm)
                || inDoubt.containsKey(vm) || homeless.containsKey(vm)) {
            return java.util.concurrent.CompletableFuture.completedFuture(new LiveMigrator.Outcome.Refused(
                    new MigrationPlan.Refused(vm, source, target, "G-05", "the manager does not know " + vm
                            + " to be running quietly on one host now")));
        }
        List<VmSpec> placed = new ArrayList<>();
        for (VmSpec v : vms.values()) {
            placed.add(v.withHost(placement.get(v.name())));
        }
        ClusterSpec now = cluster.withVms(placed);
        Move move = new Move(source, target);
        migrating.put(vm, move);
        return new LiveMigrator(hypervisors).migrate(now, vm, target, options, network).thenApply(outcome -> {
            if (migrating.get(vm) != move) {
                return outcome;
            }
            migrating.remove(vm);
            if (outcome instanceof LiveMigrator.Outcome.Ran ran) {
                if (ran.result().isOk()) {
                    placedByManager(vm, target);
                } else if (ran.result() instanceof OpResult.Unknown) {
                    migrationInDoubt.put(vm, move);
                    observer.alert(source, "migration of " + vm + " to " + target + " has an unknown outcome ("
                            + ran.result().reason() + "); asking both hosts");
                }
            }
            return outcome;
        });
    }

    public void disable(String host) {
        move(hosts.get(host), HostHaState.DISABLED, "HA disabled by the operator");
    }

    // ---- messages ----

    private CompletionStage<PeerMessage> handle(String from, PeerMessage message) {
        if (message instanceof PeerMessage.Heartbeat hb) {
            heartbeat(hb);
        } else if (message instanceof PeerMessage.SuspectReport report) {
            reported(report);
        }
        return null;
    }

    private void heartbeat(PeerMessage.Heartbeat hb) {
        HostRecord r = hosts.get(hb.host());
        if (r == null) {
            return;
        }
        peers.send(node, hb.host(), new PeerMessage.HeartbeatAck(hb.sequence()));
        long now = clock.nowMillis();
        r.lastHeartbeatAt = now;
        r.libvirtOk = hb.libvirtOk();
        r.running = hb.runningVms();
        switch (r.state) {
            case DISABLED -> {
                return;
            }
            case SUSPECT, CHECKING, ISOLATED, INELIGIBLE -> move(r, HostHaState.UP, "heartbeat resumed");
            case FENCING -> {
                observer.alert(hb.host(), "host " + hb.host() + " answered while being fenced; fence abandoned");
                r.fenceInFlight = false;
                move(r, HostHaState.UP, "heartbeat resumed during fencing");
            }
            case FENCED, RECOVERING, RECOVERED -> move(r, HostHaState.UP, "host is back after being fenced");
            default -> {
            }
        }
        if (r.state == HostHaState.UP && !hb.libvirtOk()) {
            move(r, HostHaState.DEGRADED, "libvirt does not answer the helper");
            observer.alert(hb.host(), "libvirt on " + hb.host() + " does not answer; its VMs are left running");
        } else if (r.state == HostHaState.DEGRADED && hb.libvirtOk()) {
            move(r, HostHaState.UP, "libvirt answers again");
        }
        if (hb.libvirtOk()) {
            reconcile(r, hb);
        }
    }

    /**
     * Compares what the host runs with what the manager believes. A VM that shows up on another host moved there
     * (a migration); an HA VM gone from a live host for three heartbeats is restarted.
     */
    private void reconcile(HostRecord r, PeerMessage.Heartbeat hb) {
        String host = hb.host();
        TreeSet<String> running = new TreeSet<>(hb.runningVms());
        for (String vm : running) {
            if (starting.containsKey(vm) || inDoubt.containsKey(vm) || migrating.containsKey(vm)
                    || migrationInDoubt.containsKey(vm)) {
                continue;
            }
            if (homeless.containsKey(vm)) {
                observer.alert(host, "VM " + vm + " runs on " + host + " while it waited for a restart; keeping it there");
                homeless.remove(vm);
                origin.remove(vm);
                unplaceableReportedAt.remove(vm);
                placement.put(vm, host);
                continue;
            }
            String believed = placement.get(vm);
            if (believed == null) {
                placement.put(vm, host);
            } else if (!believed.equals(host) && recentlyPlaced(vm)) {
                // A list taken before the manager moved the VM: not evidence of where it runs now.
                continue;
            } else if (!believed.equals(host)) {
                HostRecord other = hosts.get(believed);
                if (other != null && other.running.contains(vm) && other.state == HostHaState.UP) {
                    observer.alert(host, "VM " + vm + " reported running on both " + believed + " and " + host);
                } else {
                    placement.put(vm, host);
                }
            }
        }
        r.missing.keySet().removeIf(vm -> !host.equals(placement.get(vm)));
        for (String vm : placement.on(host)) {
            if (running.contains(vm) || starting.containsKey(vm) || migrating.containsKey(vm)
                    || migrationInDoubt.containsKey(vm) || recentlyPlaced(vm)) {
                r.missing.remove(vm);
                continue;
            }
            String elsewhere = runningElsewhere(vm, host);
            if (elsewhere != null) {
                r.missing.remove(vm);
                placement.put(vm, elsewhere);
                continue;
            }
            int misses = r.missing.merge(vm, 1, Integer::sum);
            if (misses == 1) {
                r.missingSince.put(vm, clock.nowMillis());
            }
            // Absent from one host is not proof it runs nowhere: every other live host must have reported since.
            if (misses >= 3 && everyLiveHostReportedSince(r.missingSince.getOrDefault(vm, clock.nowMillis()), host)) {
                r.missingSince.remove(vm);
                r.missing.remove(vm);
                placement.remove(vm);
                VmSpec spec = vms.get(vm);
                if (spec != null && spec.ha().enabled()) {
                    observer.alert(host, "HA VM " + vm + " stopped on live host " + host + "; restarting it");
                    homeless.put(vm, host);
                    origin.put(vm, host);
                }
            }
        }
    }

    private boolean everyLiveHostReportedSince(long since, String except) {
        for (HostRecord other : hosts.values()) {
            if (other.spec.name().equals(except)) {
                continue;
            }
            boolean live = other.state == HostHaState.UP || other.state == HostHaState.DEGRADED
                    || other.state == HostHaState.ISOLATED || other.state == HostHaState.SUSPECT
                    || other.state == HostHaState.CHECKING;
            if (live && (other.lastHeartbeatAt <= since || !other.libvirtOk)) {
                return false;
            }
        }
        return true;
    }

    /** Records a placement the manager made itself; hosts' reports about the VM from before it are not trusted. */
    private void placedByManager(String vm, String host) {
        placement.put(vm, host);
        placedAt.put(vm, clock.nowMillis());
    }

    /** Whether a host's report may still predate the manager's own latest placement of {@code vm}. */
    private boolean recentlyPlaced(String vm) {
        Long at = placedAt.get(vm);
        return at != null && clock.nowMillis() - at < Limits.HA_REPORT_STALENESS_MS;
    }

    private String runningElsewhere(String vm, String except) {
        for (HostRecord other : hosts.values()) {
            if (!other.spec.name().equals(except) && other.running.contains(vm)) {
                return other.spec.name();
            }
        }
        return null;
    }

    private void reported(PeerMessage.SuspectReport report) {
        HostRecord r = hosts.get(report.target());
        if (r == null) {
            return;
        }
        observer.reported(report.reporter(), report.target(), report.evidence());
        long silence = clock.nowMillis() - r.lastHeartbeatAt;
        if ((r.state == HostHaState.UP || r.state == HostHaState.DEGRADED)
                && silence > 2 * settings.heartbeatPeriodMillis()) {
            move(r, HostHaState.SUSPECT, report.reporter() + " reports: " + report.evidence());
            startCheck(r, clock.nowMillis());
        }
    }

    // ---- the periodic evaluation ----

    private void tick() {
        long now = clock.nowMillis();
        updateMassGuard(now);
        for (HostRecord r : hosts.values()) {
            evaluate(r, now);
        }
        placeHomeless(now);
    }

    private void updateMassGuard(long now) {
        int eligible = 0;
        int silent = 0;
        for (HostRecord r : hosts.values()) {
            if (r.state == HostHaState.DISABLED) {
                continue;
            }
            eligible++;
            boolean settled = r.state == HostHaState.FENCED || r.state == HostHaState.RECOVERING
                    || r.state == HostHaState.RECOVERED;
            // A host known to be alive (isolated: alive on storage, or heard by a neighbour) has not failed.
            boolean knownAlive = r.state == HostHaState.ISOLATED;
            if (!settled && !knownAlive && now - r.lastHeartbeatAt > settings.suspectAfterMillis()) {
                silent++;
            }
        }
        // One failed host is never a mass failure, however small the cluster.
        boolean guard = silent > 1 && silent > settings.massFailureShare() * eligible;
        if (guard != massGuard) {
            massGuard = guard;
            observer.alert("", guard
                    ? "mass-failure guard: " + silent + " of " + eligible + " hosts look failed at once; the manager's "
                    + "own network is the likelier fault, so nothing is fenced automatically (H-10)"
                    : "mass-failure guard lifted: " + silent + " of " + eligible + " hosts look failed");
        }
    }

    private void evaluate(HostRecord r, long now) {
        String host = r.spec.name();
        long silence = now - r.lastHeartbeatAt;
        switch (r.state) {
            case UP, DEGRADED -> {
                if (silence > settings.suspectAfterMillis()) {
                    move(r, HostHaState.SUSPECT, "no heartbeat for " + silence + " ms");
                    startCheck(r, now);
                }
            }
            case SUSPECT -> startCheck(r, now);
            case CHECKING -> {
                readStorage(r);
                decideCheck(r, now);
            }
            case ISOLATED -> {
                readStorage(r);
                if (leaseExpired(r, now)) {
                    startCheck(r, now);
                }
            }
            case INELIGIBLE -> {
                readStorage(r);
                if (hosts.size() > 1 && leaseExpired(r, now)) {
                    fenced(r, FenceChannel.LEASE_EXPIRED);
                }
            }
            case FENCING -> {
                readStorage(r);
                if (r.seenAtFence >= 0 && r.seen > r.seenAtFence) {
                    // H-07: it renewed its storage heartbeat after the decision: alive on storage after all.
                    r.fenceInFlight = false;
                    move(r, HostHaState.ISOLATED, "storage heartbeat advanced while fencing: alive on storage");
                    observer.alert(host, "host " + host + " renewed its storage heartbeat while being fenced; fence "
                            + "abandoned, not fenced (H-07)");
                } else if (leaseExpired(r, now)) {
                    observer.alert(host, "lease of " + host + " expired: its watchdog has stopped its VMs; recovering "
                            + "without a confirmed power-off (H-09)");
                    fenced(r, FenceChannel.LEASE_EXPIRED);
                } else if (!r.fenceInFlight && now >= r.nextFenceAt) {
                    fenceAttempt(r);
                }
            }
            case RECOVERING -> {
                if (!recovering(host)) {
                    move(r, HostHaState.RECOVERED, "every HA VM of " + host + " runs elsewhere or is reported");
                }
            }
            default -> {
            }
        }
    }

    // ---- checking (H-03, H-07) ----

    private void startCheck(HostRecord r, long now) {
        move(r, HostHaState.CHECKING, "asking neighbours and watching the storage heartbeat");
        r.checkStartedAt = now;
        r.baseline = -1;
        r.advanced = false;
        r.readsOk = 0;
        r.readsFailed = 0;
        r.extensionNoted = false;
        r.neighbourHeard = false;
        r.neighbourEvidence = "";
        r.checkReplies = 0;
        List<String> checkers = new ArrayList<>();
        for (String c : ring.checkersOf(r.spec.name())) {
            HostRecord cr = hosts.get(c);
            if (cr.state == HostHaState.UP || cr.state == HostHaState.DEGRADED) {
                checkers.add(c);
            }
        }
        r.checkExpected = checkers.size();
        r.watchingStorage = true;
        readStorage(r);
        String host = r.spec.name();
        for (String checker : checkers) {
            peers.request(node, checker, new PeerMessage.CheckRequest(host), settings.checkTimeoutMillis())
                    .thenAccept(reply -> {
                        if (r.state != HostHaState.CHECKING) {
                            return;
                        }
                        r.checkReplies++;
                        if (reply.isOk() && reply.value() instanceof PeerMessage.CheckReply check) {
                            r.neighbourEvidence = check.evidence();
                            if (check.reachable()) {
                                r.neighbourHeard = true;
                            }
                        }
                    });
        }
    }

    private void decideCheck(HostRecord r, long now) {
        String host = r.spec.name();
        boolean neighboursDone = r.checkReplies >= r.checkExpected
                || now - r.checkStartedAt >= settings.checkTimeoutMillis() + settings.heartbeatPeriodMillis();
        if (r.advanced) {
            move(r, HostHaState.ISOLATED, "storage heartbeat advances: alive on storage");
            observer.alert(host, "host " + host + " is cut off from the management network but alive on storage; "
                    + "not fenced, its VMs keep running (H-07)");
            return;
        }
        long window = settings.storageCheckWindowMillis();
        boolean due = now - r.checkStartedAt >= window + settings.checkTimeoutMillis();
        if (r.baseline < 0) {
            // No read has completed since the check began: silence proves nothing.
            if (due && !r.storageAlertRaised) {
                r.storageAlertRaised = true;
                observer.alert(host, "cannot read the storage heartbeat of " + host + " (" + r.readsFailed
                        + " reads failed, none completed); not fencing without it");
            }
            return;
        }
        // Evidence of death: successful reads, the latest sent since the check began, that show no renewal over the
        // whole window. Reads that failed count for nothing; without enough good ones the window is extended.
        long quiet = r.seenLastSentAt - r.seenFirstAt;
        if (quiet < window || r.seenLastSentAt < r.checkStartedAt) {
            if (due && !r.extensionNoted) {
                r.extensionNoted = true;
                observer.evidence(host, "storage check of " + host + " extended: " + r.readsOk + " reads completed, "
                        + r.readsFailed + " failed; they show no renewal over " + Math.max(0, quiet) + " ms of the "
                        + window + " ms needed; deciding only on completed reads");
            }
            return;
        }
        if (!neighboursDone) {
            return;
        }
        if (r.neighbourHeard) {
            move(r, HostHaState.ISOLATED, "a neighbour still hears it");
            observer.alert(host, "the manager cannot hear " + host + " but a neighbour can; not fenced");
            return;
        }
        r.storageAlertRaised = false;
        if (massGuard) {
            return;
        }
        Optional<FenceDriver> driver = fenceDrivers.of(host);
        if (driver.isEmpty()) {
            move(r, HostHaState.INELIGIBLE, "no BMC: its VMs restart only when its lease expires");
            observer.alert(host, "host " + host + " has failed and has no BMC; waiting for its lease to expire");
            return;
        }
        r.fenceAttempt = 0;
        r.nextFenceAt = now;
        r.seenAtFence = r.seen;
        move(r, HostHaState.FENCING, "no heartbeat, no neighbour hears it, its storage heartbeat stopped ("
                + r.readsOk + " reads show no renewal over " + quiet + " ms)"
                + (r.neighbourEvidence.isEmpty() ? "" : " (" + r.neighbourEvidence + ")"));
        fenceAttempt(r);
    }

    /**
     * Reads {@code host}'s storage heartbeat once per tick; a read not answered within
     * {@link Limits#HA_STORAGE_RETRY_MS} is tried again while it stays in flight, so a lost message costs a retry.
     */
    private void readStorage(HostRecord r) {
        readStorage(r, clock.nowMillis(), 1);
    }

    private void readStorage(HostRecord r, long sentAt, int attempt) {
        if (r.readsInFlight >= Limits.HA_STORAGE_MAX_IN_FLIGHT || !r.watchingStorage) {
            return;
        }
        r.readsInFlight++;
        String host = r.spec.name();
        Scheduler.Cancellable[] retry = new Scheduler.Cancellable[1];
        storage.read(node, host).thenAccept(result -> {
            r.readsInFlight--;
            if (result.isOk() && retry[0] != null) {
                retry[0].cancel();
            }
            if (r.watchingStorage) {
                readDone(r, sentAt, result);
            }
        });
        if (attempt < Limits.HA_STORAGE_ATTEMPTS_PER_PERIOD) {
            retry[0] = scheduler.after(Limits.HA_STORAGE_RETRY_MS, "heartbeat read retry " + host, () -> {
                if (r.lastGoodReadSentAt < sentAt) {
                    readStorage(r, sentAt, attempt + 1);
                }
            });
        }
    }

    /** What one read proves. The counter only grows, so a read that returns less than one before is merely late. */
    private void readDone(HostRecord r, long sentAt, OpResult<Long> result) {
        boolean checking = r.state == HostHaState.CHECKING;
        if (!(result instanceof OpResult.Ok<Long> ok)) {
            if (checking) {
                r.readsFailed++;
            }
            return;
        }
        long now = clock.nowMillis();
        long value = ok.value();
        r.lastGoodReadSentAt = Math.max(r.lastGoodReadSentAt, sentAt);
        if (checking) {
            r.readsOk++;
        }
        if (value > r.seen) {
            r.seen = value;
            r.seenFirstAt = now;
            r.seenLastSentAt = sentAt;
        } else if (value == r.seen) {
            r.seenLastSentAt = Math.max(r.seenLastSentAt, sentAt);
        }
        if (checking && sentAt >= r.checkStartedAt) {
            if (r.baseline < 0) {
                r.baseline = value;
            } else if (value > r.baseline) {
                r.advanced = true;
            }
        }
    }

    /**
     * H-06's second channel, computed from the same evidence the host's watchdog acts on. The manager's successful
     * reads show no renewal from {@code seenFirstAt} (the last renewal landed before) to {@code seenLastSentAt}, and no
     * management heartbeat arrived after {@code lastHeartbeatAt}; a failed read proves nothing. When that span
     * reaches the lease timeout the host's watchdog has reset it (the timing argument is in the class note).
     */
    private boolean leaseExpired(HostRecord r, long now) {
        return r.watchingStorage && r.seen >= 0
                && r.seenLastSentAt - Math.max(r.seenFirstAt, r.lastHeartbeatAt) >= settings.leaseTimeoutMillis();
    }

    // ---- fencing (H-04, H-06, H-09) ----

    private void fenceAttempt(HostRecord r) {
        String host = r.spec.name();
        FenceDriver driver = fenceDrivers.of(host).orElseThrow();
        r.fenceInFlight = true;
        int attempt = ++r.fenceAttempt;
        observer.fenceIssued(host, attempt);
        driver.powerOff().thenAccept(off -> {
            if (!off.isOk() && r.state == HostHaState.FENCING && r.fenceAttempt == attempt) {
                observer.alert(host, "fence of " + host + " (attempt " + attempt + "): power off "
                        + (off instanceof OpResult.Unknown ? "outcome unknown: " : "failed: ") + off.reason()
                        + "; reading the power state back");
            }
            scheduler.after(settings.fenceConfirmDelayMillis(), "fence confirm " + host,
                    () -> confirm(r, driver, attempt, 1, off.isOk() ? "" : "power off: " + off.reason()));
        });
    }

    private void confirm(HostRecord r, FenceDriver driver, int attempt, int read, String problems) {
        if (r.state != HostHaState.FENCING || r.fenceAttempt != attempt) {
            return;
        }
        String host = r.spec.name();
        driver.powerStatus().thenAccept(status -> {
            if (r.state != HostHaState.FENCING || r.fenceAttempt != attempt) {
                return;
            }
            if (status instanceof OpResult.Ok<PowerState> ok && ok.value() == PowerState.OFF) {
                r.fenceInFlight = false;
                fenced(r, FenceChannel.POWER_CONFIRMED_OFF);
                if (settings.powerOnAfterFence()) {
                    observer.alert(host, "powering " + host + " on again after the fence; it comes back without VMs");
                    driver.powerOn();
                }
                return;
            }
            String seen = status.isOk() ? "power read back as " + status.value() : "power status: " + status.reason();
            if (read < settings.fenceConfirmReads()) {
                scheduler.after(settings.fenceConfirmDelayMillis(), "fence confirm " + host,
                        () -> confirm(r, driver, attempt, read + 1, problems));
                return;
            }
            r.fenceInFlight = false;
            long backoff = Math.min(settings.fenceRetryMaxMillis(),
                    settings.fenceRetryBaseMillis() << Math.min(20, attempt - 1));
            r.nextFenceAt = clock.nowMillis() + backoff;
            observer.alert(host, "fence of " + host + " not confirmed (attempt " + attempt + ": "
                    + (problems.isEmpty() ? "" : problems + "; ") + seen + "); retrying in " + backoff + " ms");
        });
    }

    private void fenced(HostRecord r, FenceChannel channel) {
        String host = r.spec.name();
        move(r, HostHaState.FENCED, channel == FenceChannel.POWER_CONFIRMED_OFF ? "power read back as off"
                : "lease expired");
        observer.fenced(host, channel);
        r.running = List.of();
        r.watchingStorage = false;
        // A VM migrating from or to this host may have arrived at the other end: ask it before anything else.
        for (Map.Entry<String, Move> e : new ArrayList<>(migrating.entrySet())) {
            if (e.getValue().source().equals(host) || e.getValue().target().equals(host)) {
                migrating.remove(e.getKey());
                migrationInDoubt.put(e.getKey(), e.getValue());
                origin.put(e.getKey(), e.getValue().source());
            }
        }
        for (String vm : placement.on(host)) {
            placement.remove(vm);
            if (migrationInDoubt.containsKey(vm)) {
                continue;
            }
            VmSpec spec = vms.get(vm);
            if (spec != null && spec.ha().enabled()) {
                homeless.put(vm, host);
                origin.put(vm, host);
            } else {
                observer.alert(host, "VM " + vm + " was on " + host + " and is not HA; it stays stopped");
            }
        }
        // A VM whose start on this host was in doubt is certainly not running there now.
        for (Map.Entry<String, String> e : new ArrayList<>(inDoubt.entrySet())) {
            if (e.getValue().equals(host)) {
                inDoubt.remove(e.getKey());
                homeless.put(e.getKey(), origin.getOrDefault(e.getKey(), host));
            }
        }
        move(r, HostHaState.RECOVERING, "restarting its HA VMs elsewhere");
        placeHomeless(clock.nowMillis());
    }

    private boolean recovering(String host) {
        for (Map.Entry<String, String> e : origin.entrySet()) {
            if (e.getValue().equals(host) && (homeless.containsKey(e.getKey()) && !unplaceableReportedAt.containsKey(e.getKey())
                    || starting.containsKey(e.getKey()) || inDoubt.containsKey(e.getKey())
                    || migrationInDoubt.containsKey(e.getKey()))) {
                return true;
            }
        }
        return false;
    }

    // ---- recovery (H-04, H-08) ----

    private void placeHomeless(long now) {
        resolveDoubts();
        if (homeless.isEmpty()) {
            return;
        }
        List<VmSpec> waiting = new ArrayList<>();
        for (String vm : homeless.keySet()) {
            Long reported = unplaceableReportedAt.get(vm);
            if (reported == null || now - reported >= settings.placementRetryMillis()) {
                waiting.add(vms.get(vm));
            }
        }
        if (waiting.isEmpty()) {
            return;
        }
        List<String> candidates = new ArrayList<>();
        for (HostRecord r : hosts.values()) {
            if (r.state == HostHaState.UP) {
                candidates.add(r.spec.name());
            }
        }
        RecoveryPlacer.Plan plan = placer.place(waiting, loads(), candidates);
        for (RecoveryPlacer.Unplaced u : plan.unplaced()) {
            unplaceableReportedAt.put(u.vm(), now);
            observer.unplaceable(u.vm(), u.reason());
        }
        for (RecoveryPlacer.Assignment a : plan.assignments()) {
            restart(a.vm(), a.host());
        }
    }

    /** The load each host carries in the manager's belief: VMs placed there and VMs being started there. */
    private TreeMap<String, HostLoad> loads() {
        TreeMap<String, HostLoad> loads = new TreeMap<>();
        for (Map.Entry<String, String> e : placement.all().entrySet()) {
            VmSpec vm = vms.get(e.getKey());
            if (vm != null) {
                loads.merge(e.getValue(), HostLoad.EMPTY.plus(vm), (a, b) -> a.plus(vm));
            }
        }
        for (Map.Entry<String, String> e : starting.entrySet()) {
            VmSpec vm = vms.get(e.getKey());
            loads.merge(e.getValue(), HostLoad.EMPTY.plus(vm), (a, b) -> a.plus(vm));
        }
        for (Map.Entry<String, String> e : inDoubt.entrySet()) {
            VmSpec vm = vms.get(e.getKey());
            loads.merge(e.getValue(), HostLoad.EMPTY.plus(vm), (a, b) -> a.plus(vm));
        }
        return loads;
    }

    private void restart(String vm, String target) {
        homeless.remove(vm);
        unplaceableReportedAt.remove(vm);
        starting.put(vm, target);
        String from = origin.getOrDefault(vm, "?");
        observer.restarting(vm, from, target, "restart priority " + vms.get(vm).ha().priority());
        VmSpec spec = vms.get(vm).withHost(target);
        var hv = hypervisors.of(target);
        definer.define(hv, spec).thenCompose(defined -> {
            if (!defined.isOk()) {
                return java.util.concurrent.CompletableFuture.completedFuture(defined.map(x -> (Void) null));
            }
            // The VM keeps the MACs it was defined with, wherever it restarts next.
            vms.put(vm, defined.value().withHost(null));
            return hv.start(vm);
        }).thenAccept(started -> {
            starting.remove(vm);
            if (started.isOk()) {
                placedByManager(vm, target);
                origin.remove(vm);
                observer.restarted(vm, target);
            } else if (started instanceof OpResult.Unknown<Void>) {
                inDoubt.put(vm, target);
                observer.alert(target, "start of " + vm + " on " + target + " has an unknown outcome ("
                        + started.reason() + "); asking " + target + " before placing it anywhere else");
            } else {
                homeless.put(vm, origin.getOrDefault(vm, from));
                unplaceableReportedAt.put(vm, clock.nowMillis() - settings.placementRetryMillis() + settings.heartbeatPeriodMillis());
                observer.alert(target, "start of " + vm + " on " + target + " failed: " + started.reason());
            }
        });
    }

    /**
     * Asks both ends of a migration whose outcome is unknown: the target first; only when it certainly does not run
     * the VM is the source asked, and only when neither runs it (or the source is fenced) is the VM restarted.
     */
    private void resolveMigrationDoubts() {
        for (Map.Entry<String, Move> e : new ArrayList<>(migrationInDoubt.entrySet())) {
            String vm = e.getKey();
            Move move = e.getValue();
            askRuns(move.target(), vm, onTarget -> {
                if (onTarget == null || migrationInDoubt.get(vm) != move) {
                    return;
                }
                if (onTarget) {
                    settleMigration(vm, move, move.target());
                    return;
                }
                askRuns(move.source(), vm, onSource -> {
                    if (onSource == null || migrationInDoubt.get(vm) != move) {
                        return;
                    }
                    if (onSource) {
                        settleMigration(vm, move, move.source());
                    } else {
                        migrationInDoubt.remove(vm);
                        restartIfHa(vm, move.source());
                    }
                });
            });
        }
    }

    private void restartIfHa(String vm, String lostFrom) {
        VmSpec spec = vms.get(vm);
        if (spec != null && spec.ha().enabled() && placement.get(vm) == null && !starting.containsKey(vm)
                && !inDoubt.containsKey(vm)) {
            homeless.put(vm, lostFrom);
            origin.put(vm, lostFrom);
        }
    }

    private void settleMigration(String vm, Move move, String where) {
        migrationInDoubt.remove(vm);
        origin.remove(vm);
        placedByManager(vm, where);
        observer.alert(where, "migration of " + vm + " from " + move.source() + " to " + move.target()
                + " had an unknown outcome; it runs on " + where);
    }

    /**
     * Whether {@code host} runs {@code vm}: true, false, or null when the host cannot say (unreachable, unknown). A
     * fenced host runs nothing: its power was read back as off or its lease expired (H-06).
     */
    private void askRuns(String host, String vm, java.util.function.Consumer<Boolean> answer) {
        HostRecord r = hosts.get(host);
        if (r.state == HostHaState.FENCED || r.state == HostHaState.RECOVERING || r.state == HostHaState.RECOVERED) {
            answer.accept(false);
            return;
        }
        if (r.state != HostHaState.UP && r.state != HostHaState.DEGRADED) {
            answer.accept(null);
            return;
        }
        hypervisors.of(host).domain(vm).thenAccept(info -> {
            if (info instanceof OpResult.Ok<io.cellharness.core.port.DomainInfo> ok) {
                DomainState s = ok.value().state();
                answer.accept(s == DomainState.RUNNING || s == DomainState.PAUSED || s == DomainState.BLOCKED);
            } else if (info instanceof OpResult.Failed<io.cellharness.core.port.DomainInfo>) {
                answer.accept(false);
            } else {
                answer.accept(null);
            }
        });
    }

    /** Asks the hosts of in-doubt starts what became of them; only a definite answer frees the VM. */
    private void resolveDoubts() {
        resolveMigrationDoubts();
        for (Map.Entry<String, String> e : new ArrayList<>(inDoubt.entrySet())) {
            String vm = e.getKey();
            String target = e.getValue();
            HostRecord tr = hosts.get(target);
            if (tr.state != HostHaState.UP && tr.state != HostHaState.DEGRADED) {
                continue;
            }
            hypervisors.of(target).domain(vm).thenAccept(info -> {
                if (!target.equals(inDoubt.get(vm))) {
                    return;
                }
                if (info instanceof OpResult.Ok<io.cellharness.core.port.DomainInfo> ok) {
                    inDoubt.remove(vm);
                    DomainState s = ok.value().state();
                    if (s == DomainState.RUNNING || s == DomainState.PAUSED || s == DomainState.BLOCKED) {
                        placedByManager(vm, target);
                        origin.remove(vm);
                        observer.restarted(vm, target);
                    } else {
                        homeless.put(vm, origin.getOrDefault(vm, target));
                    }
                } else if (info instanceof OpResult.Failed<io.cellharness.core.port.DomainInfo>) {
                    // Not even defined there: it certainly does not run there.
                    inDoubt.remove(vm);
                    homeless.put(vm, origin.getOrDefault(vm, target));
                }
            });
        }
    }

    // ---- state ----

    private void move(HostRecord r, HostHaState to, String reason) {
        HostHaState from = r.state;
        if (from == to) {
            return;
        }
        r.state = to;
        if (to == HostHaState.UP || to == HostHaState.DEGRADED) {
            r.watchingStorage = false;
            r.seen = -1;
            r.lastGoodReadSentAt = Long.MIN_VALUE / 2;
            r.storageAlertRaised = false;
        }
        observer.transition(r.spec.name(), from, to, reason);
    }
}
