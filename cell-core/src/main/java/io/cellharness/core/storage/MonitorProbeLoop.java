package io.cellharness.core.storage;

import io.cellharness.core.port.Clock;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.Scheduler;
import io.cellharness.core.port.StorageMonitors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * S-07: every probe period, probes every monitor from every registered host through {@link StorageMonitors} and feeds
 * the answers to the {@link MonitorPathSelector}. An answer counts as soon as it arrives, if it arrives within the
 * probe timeout; at the timeout, every probe of the round that has not answered (no reply, a failure, an unknown
 * outcome, a latency above the timeout) counts as missed, in one call per host, so monitors that fail together are
 * judged together.
 *
 * <p>Runs on the engine's scheduler; the port completes on it too, so nothing here is shared between threads.
 */
public final class MonitorProbeLoop {

    private final Scheduler scheduler;
    private final Clock clock;
    private final StorageMonitors monitors;
    private final MonitorPathSelector selector;
    private final MonitorSettings settings;
    /** Rounds still waiting for their deadline; a linked set, so closing one does not scan every host's round. */
    private final java.util.LinkedHashSet<Round> open = new java.util.LinkedHashSet<>();
    private Scheduler.Cancellable ticking;
    private long roundsStarted;

    public MonitorProbeLoop(Scheduler scheduler, Clock clock, StorageMonitors monitors, MonitorPathSelector selector) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.monitors = Objects.requireNonNull(monitors, "monitors");
        this.selector = Objects.requireNonNull(selector, "selector");
        this.settings = selector.settings();
    }

    /** Starts probing now and every probe period after. */
    public void start() {
        if (ticking != null) {
            throw new IllegalStateException("the monitor probe loop is already running");
        }
        ticking = scheduler.periodic(0, settings.probePeriodMillis(), "storage: probe Glue monitors", this::probeAll);
    }

    /** Stops probing; rounds under way are dropped without counting their misses. */
    public void stop() {
        if (ticking != null) {
            ticking.cancel();
            ticking = null;
        }
        for (Round round : open) {
            round.closed = true;
            if (round.deadline != null) {
                round.deadline.cancel();
            }
        }
        open.clear();
    }

    public boolean running() {
        return ticking != null;
    }

    /** How many probe rounds have started (one per period, covering every host). */
    public long roundsStarted() {
        return roundsStarted;
    }

    private void probeAll() {
        roundsStarted++;
        long started = clock.nowMillis();
        for (String host : selector.hosts()) {
            Round round = new Round(host, started, selector.monitorOrder(host));
            open.add(round);
            for (String monitor : round.monitors) {
                CompletionStage<OpResult<Long>> reply;
                try {
                    reply = monitors.probe(host, monitor);
                } catch (RuntimeException e) {
                    continue; // a probe that cannot even be sent is missed
                }
                reply.whenComplete((result, error) -> onReply(round, monitor, result, error));
            }
            round.deadline = scheduler.at(started + settings.probeTimeoutMillis(),
                    "storage: probe deadline " + host, () -> close(round));
        }
    }

    private void onReply(Round round, String monitor, OpResult<Long> result, Throwable error) {
        if (round.closed || error != null || !(result instanceof OpResult.Ok<Long> ok) || ok.value() == null) {
            return;
        }
        long latency = ok.value();
        if (latency > settings.probeTimeoutMillis()
                || clock.nowMillis() - round.started > settings.probeTimeoutMillis()
                || round.answered.contains(monitor)) {
            return;
        }
        round.answered.add(monitor);
        selector.recordAnswer(round.host, monitor, round.started, latency);
    }

    private void close(Round round) {
        round.closed = true;
        open.remove(round);
        List<String> missed = new ArrayList<>();
        for (String monitor : round.monitors) {
            if (!round.answered.contains(monitor)) {
                missed.add(monitor);
            }
        }
        if (!missed.isEmpty()) {
            selector.recordMisses(round.host, missed, round.started);
        }
    }

    /** One host's probes of one period. */
    private static final class Round {
        final String host;
        final long started;
        final List<String> monitors;
        /** A set: one round of a host asks every monitor, so a list's contains() made a round quadratic. */
        final java.util.TreeSet<String> answered = new java.util.TreeSet<>();
        Scheduler.Cancellable deadline;
        boolean closed;

        Round(String host, long started, List<String> monitors) {
            this.host = host;
            this.started = started;
            this.monitors = monitors;
        }
    }
}
