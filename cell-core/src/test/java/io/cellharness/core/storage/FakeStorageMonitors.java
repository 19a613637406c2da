package io.cellharness.core.storage;

import io.cellharness.core.port.FakeScheduler;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.StorageMonitors;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Glue monitors for unit tests. A monitor is up (answers after the pair's latency, on the scheduler) or down (never
 * answers, or refuses at once if told to); a host-to-monitor link can be cut. It records when each probe was answered,
 * the oracle the property tests check the selector against.
 */
public final class FakeStorageMonitors implements StorageMonitors {

    public static final long DEFAULT_LATENCY_MILLIS = 5;

    private final FakeScheduler scheduler;
    private final TreeSet<String> down = new TreeSet<>();
    private final TreeSet<String> refusing = new TreeSet<>();
    private final TreeSet<String> cut = new TreeSet<>();
    private final Map<String, Long> latency = new TreeMap<>();
    private final Map<String, Long> lastAnswer = new TreeMap<>();
    private long probes;

    public FakeStorageMonitors(FakeScheduler scheduler) {
        this.scheduler = scheduler;
    }

    public void up(String monitor) {
        down.remove(monitor);
        refusing.remove(monitor);
    }

    /** The monitor stops answering: probes get no reply at all. */
    public void down(String monitor) {
        down.add(monitor);
    }

    /** The monitor's host is up but the daemon is not: probes are refused at once. */
    public void refuse(String monitor) {
        down.add(monitor);
        refusing.add(monitor);
    }

    public boolean isUp(String monitor) {
        return !down.contains(monitor);
    }

    public void cut(String fromHost, String monitor) {
        cut.add(pair(fromHost, monitor));
    }

    public void heal(String fromHost, String monitor) {
        cut.remove(pair(fromHost, monitor));
    }

    public void latency(String fromHost, String monitor, long millis) {
        latency.put(pair(fromHost, monitor), millis);
    }

    /** When a probe from {@code fromHost} to {@code monitor} was last answered. */
    public OptionalLong lastAnswer(String fromHost, String monitor) {
        Long at = lastAnswer.get(pair(fromHost, monitor));
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    public long probes() {
        return probes;
    }

    @Override
    public CompletionStage<OpResult<Long>> probe(String fromHost, String monitorHost) {
        probes++;
        CompletableFuture<OpResult<Long>> reply = new CompletableFuture<>();
        String pair = pair(fromHost, monitorHost);
        if (!down.contains(monitorHost) && !cut.contains(pair)) {
            long millis = latency.getOrDefault(pair, DEFAULT_LATENCY_MILLIS);
            scheduler.after(millis, "monitor " + monitorHost + " answers " + fromHost, () -> {
                lastAnswer.put(pair, scheduler.nowMillis());
                reply.complete(OpResult.ok(millis));
            });
        } else if (refusing.contains(monitorHost)) {
            scheduler.execute("monitor " + monitorHost + " refuses " + fromHost,
                    () -> reply.complete(OpResult.failed("connection refused")));
        }
        return reply;
    }

    private static String pair(String fromHost, String monitor) {
        return fromHost + " -> " + monitor;
    }
}
