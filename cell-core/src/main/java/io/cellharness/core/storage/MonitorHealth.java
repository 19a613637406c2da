package io.cellharness.core.storage;

/**
 * What a host knows about one monitor (S-07).
 *
 * @param monitorHost            the monitor's host
 * @param consecutiveMisses      probes missed since its last answer
 * @param down                   whether the misses reached the threshold
 * @param stable                 whether it answered every probe for the stable period ({@link MonitorSettings})
 * @param lastAnswerMillis       when it last answered (its registration time if it has not yet)
 * @param answeringSinceMillis   when its current run of answers began, or -1 while it misses
 * @param lastLatencyMillis      the round-trip latency of its last answer, or -1 before any
 */
public record MonitorHealth(String monitorHost, int consecutiveMisses, boolean down, boolean stable,
                            long lastAnswerMillis, long answeringSinceMillis, long lastLatencyMillis) {
}
