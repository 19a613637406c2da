package io.cellharness.sim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One line of a scenario's fault schedule: when, which fault, what it hits, how long it lasts. Which fields a fault
 * needs depends on its kind (see README); {@link FaultFactory} says what is missing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultEntry(
        @JsonProperty(value = "at", required = true) VirtualDuration at,
        @JsonProperty(value = "fault", required = true) String fault,
        @JsonProperty("host") String host,
        @JsonProperty("hosts") List<String> hosts,
        @JsonProperty("nic") String nic,
        @JsonProperty("vm") String vm,
        @JsonProperty("direction") String direction,
        @JsonProperty("for") VirtualDuration duration,
        @JsonProperty("period") VirtualDuration period,
        @JsonProperty("count") Integer count,
        @JsonProperty("probability") Double probability) {
}
