package io.cellharness.core.port;

import java.util.concurrent.CompletionStage;

/**
 * The Glue monitors of the storage controller VMs, as each host sees them (S-04 … S-08). The engine's
 * {@code MonitorProbeLoop} calls {@link #probe} every probe period from every host to every monitor and decides the I/O
 * path from the answers.
 */
public interface StorageMonitors {

    /**
     * Asks the monitor of the storage controller on {@code monitorHost} whether it answers, from {@code fromHost}.
     *
     * @return the round-trip latency in milliseconds when it answered; {@link OpResult.Failed} when it refused (e.g.
     *         connection refused); {@link OpResult.Unknown} or no completion at all when it did not answer. The caller
     *         applies its own timeout; a late answer counts as missed. Completes on the engine's scheduler thread.
     */
    CompletionStage<OpResult<Long>> probe(String fromHost, String monitorHost);
}
