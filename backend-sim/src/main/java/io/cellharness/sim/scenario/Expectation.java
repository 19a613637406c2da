package io.cellharness.sim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Something a scenario expects of its run, checked at the end beside the invariants. Exactly one field is set:
 * <ul>
 *   <li>{@code recoveredWithin}: every host failure's HA VMs ran again within this long (H-08);</li>
 *   <li>{@code fenced}: these hosts were fenced; {@code notFenced}: no power-off was ever sent to these hosts;</li>
 *   <li>{@code alert}: an HA alert containing this text was raised;</li>
 *   <li>{@code running} with {@code on}: this VM runs exactly once, on that host (or anywhere when {@code on} is
 *       absent) at the end.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Expectation(
        @JsonProperty("recoveredWithin") VirtualDuration recoveredWithin,
        @JsonProperty("fenced") List<String> fenced,
        @JsonProperty("notFenced") List<String> notFenced,
        @JsonProperty("alert") String alert,
        @JsonProperty("running") String running,
        @JsonProperty("on") String on) {
}
