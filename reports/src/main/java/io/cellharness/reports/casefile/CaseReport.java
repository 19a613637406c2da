package io.cellharness.reports.casefile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the failover case page shows about one run. Times are virtual milliseconds since the start of the run.
 *
 * @param title what the run is, e.g. {@code host-2 crashes with a working BMC}
 * @param seed the seed that names the run
 * @param scenario the scenario file, or {@code random} for a generated one
 * @param replayCommand the one command line that replays the run exactly
 * @param durationMillis the virtual duration of the run
 * @param traceSha256 the hash of the full trace (hex), to compare replays
 * @param events how many events the run processed
 * @param hosts one lane per host, in display order
 * @param vms one lane per VM, in display order (the page draws at most {@link CaseReportPage#MAX_VM_LANES})
 * @param markers faults, fences, migrations, alerts and violations
 * @param invariants every invariant checked, held or not
 * @param traceTail the last lines of the trace
 * @param summary key figures in display order, e.g. {@code recovery time → 41.2s}
 */
public record CaseReport(
        String title,
        long seed,
        String scenario,
        String replayCommand,
        long durationMillis,
        String traceSha256,
        long events,
        List<HostLane> hosts,
        List<VmLane> vms,
        List<Marker> markers,
        List<InvariantResult> invariants,
        List<String> traceTail,
        Map<String, String> summary) {

    public CaseReport {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(replayCommand, "replayCommand");
        Objects.requireNonNull(traceSha256, "traceSha256");
        if (durationMillis < 0) {
            throw new IllegalArgumentException("durationMillis must not be negative, got " + durationMillis);
        }
        if (events < 0) {
            throw new IllegalArgumentException("events must not be negative, got " + events);
        }
        hosts = List.copyOf(hosts);
        vms = List.copyOf(vms);
        markers = List.copyOf(markers);
        invariants = List.copyOf(invariants);
        traceTail = List.copyOf(traceTail);
        summary = ordered(summary);
    }

    /** The invariants (safety and liveness, not expectations) that did not hold. */
    public List<InvariantResult> violations() {
        return trueInvariants().stream().filter(i -> !i.held()).toList();
    }

    /** Safety and liveness invariants. */
    public List<InvariantResult> trueInvariants() {
        return invariants.stream().filter(i -> i.kind() != InvariantResult.Kind.EXPECTATION).toList();
    }

    /** The scenario's expectations. */
    public List<InvariantResult> expectations() {
        return invariants.stream().filter(i -> i.kind() == InvariantResult.Kind.EXPECTATION).toList();
    }

    static Map<String, String> ordered(Map<String, String> map) {
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "summary key"),
                Objects.requireNonNull(v, () -> "summary value of " + k)));
        return Collections.unmodifiableMap(copy);
    }
}
