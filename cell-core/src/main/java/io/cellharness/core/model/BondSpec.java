package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A bond of host NICs (N-05, N-06): named {@code bond-*}, {@code bond-MGMT} for management.
 *
 * @param name   bond name
 * @param mode   bond mode; active-backup by default
 * @param slaves the NIC names it aggregates
 * @param bridge the bridge it uplinks, e.g. {@code br-MGMT}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BondSpec(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("mode") BondMode mode,
        @JsonProperty("slaves") List<String> slaves,
        @JsonProperty("bridge") String bridge) {

    public BondSpec {
        mode = mode == null ? BondMode.ACTIVE_BACKUP : mode;
        slaves = slaves == null ? List.of() : List.copyOf(slaves);
    }
}
