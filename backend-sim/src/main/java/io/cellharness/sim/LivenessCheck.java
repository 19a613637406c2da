package io.cellharness.sim;

/**
 * A property that must hold at the end of a run, after the faults have healed and the cluster has had a quiet
 * period (every HA VM runs again, ...).
 */
public interface LivenessCheck {

    String name();

    String description();

    /** A description of the failure if the property does not hold, else {@code null}. */
    String check();
}
