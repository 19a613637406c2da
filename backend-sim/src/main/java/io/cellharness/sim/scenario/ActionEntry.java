package io.cellharness.sim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An operator action at a virtual time: a live migration of {@code migrate} to {@code to} (G-01 … G-05).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionEntry(
        @JsonProperty(value = "at", required = true) VirtualDuration at,
        @JsonProperty(value = "migrate", required = true) String migrate,
        @JsonProperty(value = "to", required = true) String to,
        @JsonProperty("autoConverge") Boolean autoConverge) {
}
