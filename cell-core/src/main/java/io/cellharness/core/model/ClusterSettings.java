package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Cluster-wide options.
 *
 * @param overcommit                 memory and disk overcommit (L-07); off by default
 * @param cpuGenerationCompatibility C-05: run every VM's CPU as the oldest generation in the cluster
 */
public record ClusterSettings(
        @JsonProperty("overcommit") Overcommit overcommit,
        @JsonProperty("cpuGenerationCompatibility") boolean cpuGenerationCompatibility) {

    public static final ClusterSettings DEFAULTS = new ClusterSettings(Overcommit.OFF, false);

    public ClusterSettings {
        overcommit = overcommit == null ? Overcommit.OFF : overcommit;
    }
}
