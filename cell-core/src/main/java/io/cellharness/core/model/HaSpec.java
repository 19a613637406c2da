package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether a VM is restarted elsewhere when its host fails (H-04), and in which order.
 */
public record HaSpec(
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("priority") RestartPriority priority) {

    public static final HaSpec OFF = new HaSpec(false, RestartPriority.MEDIUM);

    public HaSpec {
        priority = priority == null ? RestartPriority.MEDIUM : priority;
    }
}
