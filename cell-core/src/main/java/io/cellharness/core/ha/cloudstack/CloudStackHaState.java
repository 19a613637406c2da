package io.cellharness.core.ha.cloudstack;

import io.cellharness.core.ha.HostHaState;

/** CloudStack's {@code HAConfig.HAState}, with its descriptions, and the common state each one is reported as. */
public enum CloudStackHaState {
    DISABLED("Disabled", "HA Operations disabled", HostHaState.DISABLED),
    AVAILABLE("Available", "The resource is healthy", HostHaState.UP),
    INELIGIBLE("Ineligible", "The current state does not support HA/recovery", HostHaState.INELIGIBLE),
    SUSPECT("Suspect", "Most recent health check failed", HostHaState.SUSPECT),
    DEGRADED("Degraded", "The resource cannot be managed, but services end user requests", HostHaState.DEGRADED),
    CHECKING("Checking", "The activity checks are currently being performed", HostHaState.CHECKING),
    RECOVERING("Recovering", "The resource is undergoing recovery operation", HostHaState.RECOVERING),
    RECOVERED("Recovered", "The resource is recovered", HostHaState.RECOVERED),
    FENCING("Fencing", "The resource is undergoing fence operation", HostHaState.FENCING),
    FENCED("Fenced", "The resource is fenced", HostHaState.FENCED);

    private final String word;
    private final String description;
    private final HostHaState common;

    CloudStackHaState(String word, String description, HostHaState common) {
        this.word = word;
        this.description = description;
        this.common = common;
    }

    /** CloudStack's own name, as {@code listHostHAResources} prints it. */
    public String word() {
        return word;
    }

    public String description() {
        return description;
    }

    /** The state in the engine-wide vocabulary (Available is {@link HostHaState#UP}). */
    public HostHaState common() {
        return common;
    }
}
