package io.cellharness.core.migration;

/** How a predicted migration ends (G-03). */
public enum MigrationOutcome {
    /** Pre-copy converged: the rest fits in the downtime limit and the VM moves. */
    CONVERGED,
    /** It did not converge; the fallback paused the guest to copy the rest, longer than the downtime limit. */
    FORCED,
    /** It did not converge and was aborted; the VM stays on the source. */
    ABORTED
}
