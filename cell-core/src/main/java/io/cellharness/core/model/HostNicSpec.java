package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A physical NIC of a host.
 *
 * @param name      interface name, e.g. {@code eno1}
 * @param speedGbps link speed in Gb/s (G-03: 10 or more recommended for the management network)
 */
public record HostNicSpec(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("speedGbps") Integer speedGbps) {

    public HostNicSpec {
        // Absent means 10 Gb/s; an explicit 0 stays 0 and is refused by validation (issue 19).
        speedGbps = speedGbps == null ? 10 : speedGbps;
    }
}
