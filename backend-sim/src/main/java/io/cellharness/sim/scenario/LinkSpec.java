package io.cellharness.sim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A link of a simulated network with its own latency or loss, in both directions between {@code from} and {@code to}
 * (host names, or {@code mold} for the manager).
 *
 * @param network {@code mgmt} or {@code storage}
 * @param latency one-way latency
 * @param jitter  up to this much more, drawn per message
 * @param loss    share of messages dropped (0 to 1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinkSpec(
        @JsonProperty(value = "network", required = true) String network,
        @JsonProperty(value = "from", required = true) String from,
        @JsonProperty(value = "to", required = true) String to,
        @JsonProperty("latency") VirtualDuration latency,
        @JsonProperty("jitter") VirtualDuration jitter,
        @JsonProperty("loss") Double loss) {
}
