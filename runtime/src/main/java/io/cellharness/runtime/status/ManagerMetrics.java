package io.cellharness.runtime.status;

import io.cellharness.core.ha.FenceChannel;
import io.cellharness.core.ha.HaObserver;
import io.cellharness.core.ha.HostHaState;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The manager's Prometheus metrics ({@code GET /metrics}), with the official Java client: each host's HA state (1 for
 * the state it is in), its heartbeat age, fences by channel and result, recovery seconds (from a host's first
 * suspicion to its recovery) as a histogram, and the journal's write latency.
 */
public final class ManagerMetrics implements HaObserver {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final ManagerState state;
    private final LongSupplier clock;
    private final Gauge hostState;
    private final Gauge heartbeatAge;
    private final Counter fences;
    private final Histogram recovery;
    private final Histogram journalWrites;
    private final Map<String, Long> suspectedAt = new TreeMap<>();

    public ManagerMetrics(ManagerState state, LongSupplier clock) {
        this.state = state;
        this.clock = clock;
        hostState = Gauge.builder().name("cell_host_ha_state").help("1 for the HA state a host is in, else 0")
                .labelNames("host", "state").register(registry);
        heartbeatAge = Gauge.builder().name("cell_host_heartbeat_age_seconds")
                .help("seconds since the host's last heartbeat reached the manager (-1: none yet)")
                .labelNames("host").register(registry);
        fences = Counter.builder().name("cell_fences_total").help("fences issued and confirmed, by channel")
                .labelNames("host", "channel", "result").register(registry);
        recovery = Histogram.builder().name("cell_recovery_seconds")
                .help("from a host's first suspicion to its recovery").classicOnly()
                .classicUpperBounds(5, 10, 15, 20, 30, 45, 60, 90, 120, 300).register(registry);
        journalWrites = Histogram.builder().name("cell_journal_write_seconds")
                .help("one durable journal write (SQLite, synchronous=FULL)").classicOnly()
                .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1).register(registry);
    }

    /** One journal write took {@code seconds}. */
    public void journalWrite(double seconds) {
        journalWrites.observe(seconds);
    }

    @Override
    public synchronized void transition(String host, HostHaState from, HostHaState to, String reason) {
        if (to == HostHaState.SUSPECT && !suspectedAt.containsKey(host)) {
            suspectedAt.put(host, clock.getAsLong());
        } else if (to == HostHaState.UP) {
            suspectedAt.remove(host);
        } else if (to == HostHaState.RECOVERED) {
            Long since = suspectedAt.remove(host);
            if (since != null) {
                recovery.observe((clock.getAsLong() - since) / 1_000.0);
            }
        }
    }

    @Override
    public void fenceIssued(String host, int attempt) {
        fences.labelValues(host, "BMC", "issued").inc();
    }

    @Override
    public void fenced(String host, FenceChannel channel) {
        fences.labelValues(host, String.valueOf(channel), "confirmed").inc();
    }

    /** The exposition text, with host states and heartbeat ages as they are now. */
    public String scrape() {
        for (Map.Entry<String, String> e : state.hostStates().entrySet()) {
            for (HostHaState s : HostHaState.values()) {
                hostState.labelValues(e.getKey(), s.name()).set(s.name().equals(e.getValue()) ? 1 : 0);
            }
        }
        state.heartbeatAges().forEach((host, age) -> heartbeatAge.labelValues(host).set(age < 0 ? -1 : age / 1_000.0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
