package io.cellharness.reports.casefile;

import java.util.Locale;

/** What the case page knows of trace lines ({@code <virtual time> <component> <event> <details>}). */
final class TraceLines {

    private TraceLines() {
    }

    /**
     * Whether a line is routine: the steady heartbeat traffic of a healthy cluster (heartbeats, check-me, probes,
     * pings, acknowledgements), hidden by default. Decisions, faults, fences, restarts, alerts and violations never are.
     */
    static boolean routine(String line) {
        String[] parts = line.trim().split("\\s+", 4);
        if (parts.length < 3) {
            return false;
        }
        String what = (parts[1] + " " + parts[2]).toLowerCase(Locale.ROOT);
        return what.contains("heartbeat") || what.contains("check-me") || what.contains("probe")
                || what.contains("ping") || what.contains("ack");
    }
}
