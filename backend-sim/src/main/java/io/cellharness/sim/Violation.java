package io.cellharness.sim;

/**
 * An invariant that did not hold.
 *
 * @param invariant   the invariant's name, e.g. {@code vm-runs-once}
 * @param kind        safety (checked after every event) or liveness (checked at the end)
 * @param timeMillis  virtual time it was found
 * @param description what was seen, in one line
 */
public record Violation(String invariant, Kind kind, long timeMillis, String description) {

    public enum Kind {
        SAFETY,
        LIVENESS
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + invariant + " at " + Trace.formatTime(timeMillis)
                + ": " + description;
    }
}
