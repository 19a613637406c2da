package io.cellharness.core.network;

/** Whether one endpoint reaches another over the host network. */
public sealed interface Reachability {

    /** Frames get through; {@code path} says which way, e.g. the bonds and slaves used. */
    record Reachable(String path) implements Reachability {
    }

    /** Frames do not get through; the rule (N-02, N-03, N-07 ...) and the reason say why. */
    record Unreachable(String rule, String reason) implements Reachability {
    }

    default boolean reachable() {
        return this instanceof Reachable;
    }
}
