package io.cellharness.reports.casefile;

import java.util.Objects;

/**
 * A value that held from {@code fromMillis} (inclusive) to {@code toMillis} (exclusive), in virtual milliseconds
 * since the start of the run.
 */
public record Interval<T>(long fromMillis, long toMillis, T value) {

    public Interval {
        Objects.requireNonNull(value, "value");
        if (toMillis < fromMillis) {
            throw new IllegalArgumentException("interval ends before it starts: " + fromMillis + " ms .. " + toMillis
                    + " ms (" + value + ")");
        }
    }

    public long lengthMillis() {
        return toMillis - fromMillis;
    }
}
