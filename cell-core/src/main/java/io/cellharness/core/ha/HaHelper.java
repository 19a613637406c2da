package io.cellharness.core.ha;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.port.Clock;
import io.cellharness.core.port.DomainInfo;
import io.cellharness.core.port.DomainState;
import io.cellharness.core.port.Hypervisor;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PeerChannel;
import io.cellharness.core.port.PeerMessage;
import io.cellharness.core.port.Scheduler;
import io.cellharness.core.port.StorageHeartbeats;
import io.cellharness.core.port.Subscription;
import io.cellharness.core.port.Watchdog;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The Cell HA helper of one host (H-01 … H-03).
 *
 * <ul>
 *   <li>Every heartbeat period it asks the local libvirt which domains run, advances its storage heartbeat, and
 *       reports both to the manager (H-01). Each check runs on its own; a hung libvirt does not delay the others.</li>
 *   <li>It asks its ring neighbours to check it (H-02), and checks the hosts that ask it: a host whose "check me"
 *       stopped and that does not answer a probe is reported to the manager with the evidence (H-03).</li>
 *   <li>It renews the host (pets its watchdog) when a storage heartbeat write, or a management heartbeat the manager
 *       acknowledged, succeeds within {@link Limits#HA_STORAGE_RENEW_WITHIN_MS} of its sending; a host cut off from
 *       both is reset by the watchdog before the manager may declare its lease expired (H-06; the timing argument
 *       is in {@link HaManager}'s design note).</li>
 * </ul>
 */
public final class HaHelper {

    private final String host;
    private final String manager;
    private final Ring ring;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Hypervisor local;
    private final StorageHeartbeats storage;
    private final PeerChannel peers;
    private final Watchdog watchdog;
    private final HaSettings settings;
    private final TreeMap<String, Long> lastCheckMe = new TreeMap<>();
    private final TreeMap<String, Long> lastReport = new TreeMap<>();
    private final TreeMap<String, Boolean> probing = new TreeMap<>();
    private final List<Scheduler.Cancellable> timers = new ArrayList<>();
    private Subscription serving;
    private long sequence;
    private boolean libvirtOk = true;
    private boolean storageOk = true;
    private List<String> running = List.of();
    private boolean listPending;
    private long listSentAt;
    private int writesInFlight;
    private long lastWriteOkAt = Long.MIN_VALUE / 2;
    /** When each recent management heartbeat was sent: its acknowledgement renews the host only if prompt (H-06). */
    private final TreeMap<Long, Long> sentAt = new TreeMap<>();
    private static final int HEARTBEATS_REMEMBERED = 16;

    public HaHelper(String host, String manager, Ring ring, Scheduler scheduler, Clock clock, Hypervisor local,
                    StorageHeartbeats storage, PeerChannel peers, Watchdog watchdog, HaSettings settings) {
        this.host = host;
        this.manager = manager;
        this.ring = ring;
        this.scheduler = scheduler;
        this.clock = clock;
        this.local = local;
        this.storage = storage;
        this.peers = peers;
        this.watchdog = watchdog;
        this.settings = settings;
    }

    public String host() {
        return host;
    }

    /** Starts the periodic work. */
    public void start() {
        long now = clock.nowMillis();
        for (String watched : ring.watchedBy(host)) {
            lastCheckMe.put(watched, now);
        }
        serving = peers.serve(host, this::handle);
        watchdog.pet();
        timers.add(scheduler.periodic(0, settings.heartbeatPeriodMillis(), "heartbeat " + host, this::heartbeat));
        timers.add(scheduler.periodic(0, settings.checkMePeriodMillis(), "check-me " + host, this::askToBeChecked));
        timers.add(scheduler.periodic(settings.checkMePeriodMillis(), settings.checkMePeriodMillis(),
                "watch " + host, this::watchNeighbours));
    }

    public void stop() {
        for (Scheduler.Cancellable t : timers) {
            t.cancel();
        }
        timers.clear();
        if (serving != null) {
            serving.close();
        }
    }

    // ---- H-01: heartbeat ----

    private void heartbeat() {
        long now = clock.nowMillis();
        if (!listPending) {
            listPending = true;
            listSentAt = now;
            local.list().thenAccept(this::listed);
        } else if (now - listSentAt > 2 * settings.heartbeatPeriodMillis()) {
            libvirtOk = false;
        }
        renew(now, 1);
        sentAt.put(++sequence, now);
        while (sentAt.size() > HEARTBEATS_REMEMBERED) {
            sentAt.pollFirstEntry();
        }
        peers.send(host, manager, new PeerMessage.Heartbeat(host, sequence, libvirtOk, storageOk, running));
    }

    /**
     * H-01, H-06: writes the storage heartbeat. A write not answered within {@link Limits#HA_STORAGE_RETRY_MS} is
     * tried again while it stays in flight (at most {@link Limits#HA_STORAGE_ATTEMPTS_PER_PERIOD} per period), so a
     * lost message costs one retry. A success renews the host (pets its watchdog) only when it arrives within
     * {@link Limits#HA_STORAGE_RENEW_WITHIN_MS} of the write's sending: the manager's lease rule counts on that bound.
     */
    private void renew(long issuedAt, int attempt) {
        if (writesInFlight >= Limits.HA_STORAGE_MAX_IN_FLIGHT) {
            return;
        }
        writesInFlight++;
        Scheduler.Cancellable[] retry = new Scheduler.Cancellable[1];
        storage.write(host).thenAccept(r -> {
            writesInFlight--;
            long now = clock.nowMillis();
            if (r.isOk()) {
                storageOk = true;
                lastWriteOkAt = now;
                if (retry[0] != null) {
                    // Its retry would find this success and do nothing: spare the simulator the event.
                    retry[0].cancel();
                }
                if (now - issuedAt <= Limits.HA_STORAGE_RENEW_WITHIN_MS) {
                    watchdog.pet();
                }
            } else if (now - lastWriteOkAt > 2 * settings.heartbeatPeriodMillis()) {
                storageOk = false;
            }
        });
        if (attempt < Limits.HA_STORAGE_ATTEMPTS_PER_PERIOD) {
            retry[0] = scheduler.after(Limits.HA_STORAGE_RETRY_MS, "heartbeat write retry " + host, () -> {
                if (lastWriteOkAt < issuedAt) {
                    renew(issuedAt, attempt + 1);
                }
            });
        }
    }

    private void listed(OpResult<List<DomainInfo>> result) {
        listPending = false;
        if (result instanceof OpResult.Ok<List<DomainInfo>> ok) {
            libvirtOk = true;
            List<String> active = new ArrayList<>();
            for (DomainInfo d : ok.value()) {
                if (d.state() == DomainState.RUNNING || d.state() == DomainState.PAUSED || d.state() == DomainState.BLOCKED) {
                    active.add(d.name());
                }
            }
            running = List.copyOf(active);
        } else {
            libvirtOk = false;
        }
    }

    // ---- H-02, H-03: neighbours ----

    private void askToBeChecked() {
        for (String checker : ring.checkersOf(host)) {
            peers.send(host, checker, new PeerMessage.CheckMe(host));
        }
    }

    private void watchNeighbours() {
        long now = clock.nowMillis();
        for (String watched : ring.watchedBy(host)) {
            long silent = now - lastCheckMe.getOrDefault(watched, now);
            if (silent < settings.neighbourSilenceMillis() || probing.getOrDefault(watched, false)) {
                continue;
            }
            probing.put(watched, true);
            probe(watched).thenAccept(reachable -> {
                probing.put(watched, false);
                if (reachable) {
                    lastCheckMe.put(watched, clock.nowMillis());
                    return;
                }
                long t = clock.nowMillis();
                if (t - lastReport.getOrDefault(watched, Long.MIN_VALUE / 2) >= settings.neighbourSilenceMillis()) {
                    lastReport.put(watched, t);
                    peers.send(host, manager, new PeerMessage.SuspectReport(host, watched,
                            "no check-me for " + silent + " ms and no answer to a probe from " + host));
                }
            });
        }
    }

    private CompletionStage<Boolean> probe(String target) {
        return peers.request(host, target, new PeerMessage.Probe(target), settings.probeTimeoutMillis())
                .thenApply(r -> r.isOk() && r.value() instanceof PeerMessage.ProbeReply);
    }

    private CompletionStage<PeerMessage> handle(String from, PeerMessage message) {
        if (message instanceof PeerMessage.CheckMe checkMe) {
            lastCheckMe.put(checkMe.host(), clock.nowMillis());
            return null;
        }
        if (message instanceof PeerMessage.Probe) {
            return CompletableFuture.completedFuture(new PeerMessage.ProbeReply(host, libvirtOk));
        }
        if (message instanceof PeerMessage.HeartbeatAck ack) {
            // The manager heard this heartbeat no earlier than it was sent; a prompt acknowledgement renews the host.
            Long sent = sentAt.get(ack.sequence());
            if (sent != null && clock.nowMillis() - sent <= Limits.HA_STORAGE_RENEW_WITHIN_MS) {
                watchdog.pet();
            }
            return null;
        }
        if (message instanceof PeerMessage.CheckRequest request) {
            long silent = clock.nowMillis() - lastCheckMe.getOrDefault(request.target(), clock.nowMillis());
            return probe(request.target()).thenApply(reachable -> new PeerMessage.CheckReply(host, request.target(),
                    reachable, reachable ? request.target() + " answered a probe from " + host
                            : request.target() + " did not answer a probe from " + host + "; last check-me " + silent
                            + " ms ago"));
        }
        return null;
    }
}
