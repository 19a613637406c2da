package io.cellharness.core.ha;

import io.cellharness.core.capacity.HostLoad;
import io.cellharness.core.model.ClusterSpec;
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
 * powered it off and the power state was read back as off, or its lease expired (neither its storage heartbeat, read
 * successfully, nor its management heartbeats advanced for the lease timeout; the host's watchdog resets it well
 * before). A host whose storage heartbeat still advances is alive: it is isolated, never fenced (H-07). A fence that
 * cannot complete is retried with back-off and alerted, and the lease channel ends it (H-09). When too many hosts look
 * failed at once nothing is fenced automatically (H-10). A restart whose outcome is unknown is resolved by asking the
 * target before the VM is placed anywhere else.
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
    private final TreeMap<String, HostRecord> hosts = new TreeMap<>();
    private final TreeMap<String, VmSpec> vms = new TreeMap<>();
    /** Where each VM is believed to run. Changed only through {@link #place} and {@link #unplace}. */
    private final TreeMap<String, String> placement = new TreeMap<>();
    /**
     * {@link #placement} inverted: the VMs believed on each host, so that a heartbeat is reconciled against that host's
     * VMs only, not against every VM of the cluster (which made each heartbeat cost O(VMs), a round O(hosts x VMs)).
     */
    private final TreeMap<String, TreeSet<String>> placedOn = new TreeMap<>();
    /** HA VMs waiting to be placed, with the host they were lost from. */
    private final TreeMap<String, String> homeless = new TreeMap<>();
    /** HA VMs being started: VM to target host. */
    private final TreeMap<String, String> starting = new TreeMap<>();
    /** VMs whose start on a host had an unknown outcome: VM to that host, asked again before anything else. */
    private final TreeMap<String, String> inDoubt = new TreeMap<>();
    /** The host each VM in recovery came from. */
    private final TreeMap<String, String> origin = new TreeMap<>();
    private final TreeMap<String, Long> unplaceableReportedAt = new TreeMap<>();
    private Subscription serving;
    private Scheduler.Cancellable ticker;
    private boolean massGuard;

    /** What the manager knows of one host. */
    private static final class HostRecord {
        final HostSpec spec;
        HostHaState state = HostHaState.UP;
        long lastHeartbeatAt;
        boolean libvirtOk = true;
        List<String> running = List.of();
        final TreeMap<String, Integer> missing = new TreeMap<>();
        // storage heartbeat observation
        boolean watchingStorage;
        long counter = -1;
        long counterChangedAt;
        boolean readPending;
        boolean readOkSinceCheck;
        // checking
        long checkStartedAt;
        /** The storage counter when the check's window began, and when that was (the first good read). */
        long counterAtCheck = -1;
        long baselineAt;
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

    public HaManager(String node, ClusterSpec cluster, Scheduler scheduler, Clock clock, Hypervisors hypervisors,
                     FenceDrivers fenceDrivers, StorageHeartbeats storage, PeerChannel peers, HaSettings settings,
                     HaObserver observer) {
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
                place(vm.name(), vm.host());
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
            if (starting.containsKey(vm) || inDoubt.containsKey(vm)) {
                continue;
            }
            if (homeless.containsKey(vm)) {
                observer.alert(host, "VM " + vm + " runs on " + host + " while it waited for a restart; keeping it there");
                homeless.remove(vm);
                origin.remove(vm);
                unplaceableReportedAt.remove(vm);
                place(vm, host);
                continue;
            }
            String believed = placement.get(vm);
            if (believed == null) {
                place(vm, host);
            } else if (!believed.equals(host)) {
                HostRecord other = hosts.get(believed);
                if (other != null && other.running.contains(vm) && other.state == HostHaState.UP) {
                    observer.alert(host, "VM " + vm + " reported running on both " + believed + " and " + host);
                } else {
                    place(vm, host);
                }
            }
        }
        // A VM now believed on another host is no longer missing from this one.
        r.missing.keySet().removeIf(vm -> {
            String believed = placement.get(vm);
            return believed != null && !believed.equals(host);
        });
        for (String vm : believedOn(host)) {
            if (running.contains(vm) || starting.containsKey(vm)) {
                r.missing.remove(vm);
                continue;
            }
            String elsewhere = runningElsewhere(vm, host);
            if (elsewhere != null) {
                r.missing.remove(vm);
                place(vm, elsewhere);
                continue;
            }
            int misses = r.missing.merge(vm, 1, Integer::sum);
            if (misses >= 3) {
                r.missing.remove(vm);
                unplace(vm);
                VmSpec spec = vms.get(vm);
                if (spec != null && spec.ha().enabled()) {
                    observer.alert(host, "HA VM " + vm + " stopped on live host " + host + "; restarting it");
                    homeless.put(vm, host);
                    origin.put(vm, host);
                }
            }
        }
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
            if (!settled && now - r.lastHeartbeatAt > settings.suspectAfterMillis()) {
                silent++;
            }
        }
        boolean guard = eligible > 0 && silent > settings.massFailureShare() * eligible;
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
                if (leaseExpired(r, now)) {
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
        r.counterAtCheck = r.counter;
        r.baselineAt = now;
        r.readOkSinceCheck = false;
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
        if (!r.watchingStorage) {
            r.watchingStorage = true;
            r.counterChangedAt = now;
        }
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
        if (r.counterAtCheck >= 0 && r.counter > r.counterAtCheck) {
            move(r, HostHaState.ISOLATED, "storage heartbeat advances: alive on storage");
            observer.alert(host, "host " + host + " is cut off from the management network but alive on storage; "
                    + "not fenced, its VMs keep running (H-07)");
            return;
        }
        if (r.counterAtCheck < 0) {
            // No successful read yet: the window starts at the first one.
            if (now - r.checkStartedAt >= settings.storageCheckWindowMillis() + settings.checkTimeoutMillis()
                    && !r.storageAlertRaised) {
                r.storageAlertRaised = true;
                observer.alert(host, "cannot read the storage heartbeat of " + host + "; not fencing without it");
            }
            return;
        }
        if (now - r.baselineAt < settings.storageCheckWindowMillis() || !neighboursDone) {
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
        move(r, HostHaState.FENCING, "no heartbeat, no neighbour hears it, its storage heartbeat stopped"
                + (r.neighbourEvidence.isEmpty() ? "" : " (" + r.neighbourEvidence + ")"));
        fenceAttempt(r);
    }

    private void readStorage(HostRecord r) {
        if (r.readPending) {
            return;
        }
        r.readPending = true;
        String host = r.spec.name();
        storage.read(node, host).thenAccept(result -> {
            r.readPending = false;
            if (result instanceof OpResult.Ok<Long> ok) {
                r.readOkSinceCheck = true;
                long now = clock.nowMillis();
                if (ok.value() != r.counter) {
                    r.counter = ok.value();
                    r.counterChangedAt = now;
                }
                if (r.counterAtCheck < 0 && r.state == HostHaState.CHECKING) {
                    r.counterAtCheck = ok.value();
                    r.baselineAt = now;
                }
            }
        });
    }

    /** H-06's second channel: no storage heartbeat (read successfully) and no management heartbeat for the lease. */
    private boolean leaseExpired(HostRecord r, long now) {
        return r.watchingStorage && r.readOkSinceCheck && r.counter >= 0
                && now - r.counterChangedAt >= settings.leaseTimeoutMillis()
                && now - r.lastHeartbeatAt >= settings.leaseTimeoutMillis();
    }

    // ---- fencing (H-04, H-06, H-09) ----

    private void fenceAttempt(HostRecord r) {
        String host = r.spec.name();
        FenceDriver driver = fenceDrivers.of(host).orElseThrow();
        r.fenceInFlight = true;
        int attempt = ++r.fenceAttempt;
        observer.fenceIssued(host, attempt);
        driver.powerOff().thenAccept(off -> scheduler.after(settings.fenceConfirmDelayMillis(), "fence confirm " + host,
                () -> confirm(r, driver, attempt, 1, off.isOk() ? "" : "power off: " + off.reason())));
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
        for (String vm : believedOn(host)) {
            unplace(vm);
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
                    || starting.containsKey(e.getKey()) || inDoubt.containsKey(e.getKey()))) {
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
        for (Map.Entry<String, String> e : placement.entrySet()) {
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
        hv.define(spec).thenCompose(defined -> {
            if (!defined.isOk()) {
                return java.util.concurrent.CompletableFuture.completedFuture(defined);
            }
            return hv.start(vm);
        }).thenAccept(started -> {
            starting.remove(vm);
            if (started.isOk()) {
                place(vm, target);
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

    /** Asks the hosts of in-doubt starts what became of them; only a definite answer frees the VM. */
    private void resolveDoubts() {
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
                        place(vm, target);
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

    // ---- belief ----

    /** Records that {@code vm} is believed to run on {@code host}. */
    private void place(String vm, String host) {
        String before = placement.put(vm, host);
        if (before != null && !before.equals(host)) {
            forget(vm, before);
        }
        placedOn.computeIfAbsent(host, h -> new TreeSet<>()).add(vm);
    }

    /** The VMs believed on {@code host}, by name, as a copy the caller may change placement under. */
    private List<String> believedOn(String host) {
        TreeSet<String> there = placedOn.get(host);
        return there == null ? List.of() : new ArrayList<>(there);
    }

    /** Records that {@code vm} is believed to run nowhere. */
    private void unplace(String vm) {
        String before = placement.remove(vm);
        if (before != null) {
            forget(vm, before);
        }
    }

    private void forget(String vm, String host) {
        TreeSet<String> there = placedOn.get(host);
        there.remove(vm);
        if (there.isEmpty()) {
            placedOn.remove(host);
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
            r.counter = -1;
            r.storageAlertRaised = false;
        }
        observer.transition(r.spec.name(), from, to, reason);
    }
}
