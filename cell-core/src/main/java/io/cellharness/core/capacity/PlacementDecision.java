package io.cellharness.core.capacity;

import java.util.List;
import java.util.stream.Collectors;

/** The answer to "does this VM fit this host?". */
public sealed interface PlacementDecision {

    /** It fits; {@code cpuOvercommitted} is true when the host's vCPUs would exceed its physical cores (L-07). */
    record Fits(boolean cpuOvercommitted) implements PlacementDecision {
    }

    /** It does not fit; every short resource is named. */
    record Refused(List<Shortfall> shortfalls) implements PlacementDecision {
        public Refused {
            shortfalls = List.copyOf(shortfalls);
        }

        public String message() {
            return shortfalls.stream().map(Shortfall::message).collect(Collectors.joining("; "));
        }
    }

    default boolean fits() {
        return this instanceof Fits;
    }
}
