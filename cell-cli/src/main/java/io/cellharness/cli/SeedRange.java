package io.cellharness.cli;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.spec.UserText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sweep's seeds, {@code A..B} inclusive, as 64-bit numbers: {@code 0 <= A <= B <= 2^63-1}, never wrapping, and at
 * most {@link Limits#SWEEP_MAX_SEEDS} of them in one sweep.
 *
 * @param from  the first seed
 * @param to    the last seed (inclusive)
 */
record SeedRange(long from, long to) {

    private static final Pattern RANGE = Pattern.compile("([0-9]+)\\.\\.([0-9]+)");

    SeedRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("empty or negative seed range");
        }
    }

    static SeedRange parse(String text) {
        return parse(text, true);
    }

    /**
     * {@link #parse(String)}; with {@code bounded} false the range may hold more than one sweep runs (a shard runs a
     * slice of it, and bounds its own count).
     */
    static SeedRange parse(String text, boolean bounded) {
        Matcher m = RANGE.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new InputError("--seeds must look like 1..500 (ASCII digits), not " + UserText.quote(text));
        }
        long from;
        long to;
        try {
            from = Long.parseLong(m.group(1));
            to = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            throw new InputError("--seeds: a seed is at most " + Long.MAX_VALUE);
        }
        if (to < from) {
            throw new InputError("--seeds " + text.trim() + " is an empty range");
        }
        // to - from cannot overflow: both are non-negative.
        if (bounded && to - from >= Limits.SWEEP_MAX_SEEDS) {
            throw new InputError("--seeds " + text.trim() + " is more than the " + Limits.SWEEP_MAX_SEEDS
                    + " seeds one sweep runs; split it into several sweeps");
        }
        return new SeedRange(from, to);
    }

    /** How many seeds; at most {@link Limits#SWEEP_MAX_SEEDS}, so it fits an int. */
    int count() {
        return (int) (to - from + 1);
    }

    /** The i-th seed, {@code 0 <= i < count()}: computed from the start, so it never wraps past {@code to}. */
    long seed(int i) {
        return from + i;
    }
}
