package io.cellharness.reports.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the sweep page shows about a run of many seeds.
 *
 * @param title what was swept, e.g. {@code host crash, 4 hosts, 40 VMs}
 * @param seedsRange the seeds, as the user gave them, e.g. {@code 1..10000}
 * @param seedsRun how many seeds ran
 * @param wallMillis how long the sweep took in real (wall-clock) time
 * @param failures every invariant broken, one row per seed and invariant
 * @param recoveryMillis one virtual recovery time per recovery observed (H-08), in any order
 * @param summary further figures in display order
 */
public record SweepReport(
        String title,
        String seedsRange,
        int seedsRun,
        long wallMillis,
        List<SeedFailure> failures,
        List<Long> recoveryMillis,
        Map<String, String> summary) {

    public SweepReport {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(seedsRange, "seedsRange");
        if (seedsRun < 0) {
            throw new IllegalArgumentException("seedsRun must not be negative, got " + seedsRun);
        }
        if (wallMillis < 0) {
            throw new IllegalArgumentException("wallMillis must not be negative, got " + wallMillis);
        }
        failures = List.copyOf(failures);
        recoveryMillis = List.copyOf(recoveryMillis);
        for (long r : recoveryMillis) {
            if (r < 0) {
                throw new IllegalArgumentException("a recovery time must not be negative, got " + r + " ms");
            }
        }
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        summary.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "summary key"),
                Objects.requireNonNull(v, () -> "summary value of " + k)));
        summary = Collections.unmodifiableMap(copy);
    }

    /** How many distinct seeds failed at least one invariant. */
    public long failingSeeds() {
        return failures.stream().mapToLong(SeedFailure::seed).distinct().count();
    }
}
