package io.cellharness.sim;

/**
 * A property that must hold after every event (a VM never runs on two hosts, ...). Implementations observe the
 * world through its listeners and keep their own incremental state, so {@link #check()} is cheap: it runs after
 * every one of millions of events.
 */
public interface SafetyInvariant {

    /** A short stable name, e.g. {@code vm-runs-once}. */
    String name();

    /** What the invariant guarantees, one sentence (for reports). */
    String description();

    /** A description of the violation if the invariant does not hold now, else {@code null}. */
    String check();
}
