package io.cellharness.core.storage;

/**
 * What a host knows about one monitor (S-07, S-09).
 *
 * @param monitorHost            the monitor's host
 * @param consecutiveMisses      probes missed since its last answer
 * @param down                   whether the misses reached the threshold
 * @param ready                  whether the path may move to it: it answered its latest probe and has served its hold
 * @param repeats                S-09: its failures soon after regaining the path, net of decay ({@link MonitorSettings})
 * @param holdMillis             S-09: how long it must answer every probe before a failback to it (0: at once, S-06)
 * @param lastAnswerMillis       when it last answered (its registration time if it has not yet)
 * @param answeringSinceMillis   when its current run of answers began, or -1 while it misses
 * @param lastLatencyMillis      the round-trip latency of its last answer, or -1 before any
 */
public record MonitorHealth(String monitorHost, int consecutiveMisses, boolean down, boolean ready, int repeats,
                            long holdMillis, long lastAnswerMillis, long answeringSinceMillis,
                            long lastLatencyMillis) {
}
