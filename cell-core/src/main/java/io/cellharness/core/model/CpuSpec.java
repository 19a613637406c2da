package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.TreeSet;

/**
 * A host CPU: vendor, named model (libvirt/QEMU spelling, e.g. {@code Icelake-Server}), generation (a number that
 * orders models of one vendor, oldest lowest; C-05) and feature flags. Features are kept sorted and unique so that
 * two specs of the same CPU compare equal.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CpuSpec(
        @JsonProperty(value = "vendor", required = true) CpuVendor vendor,
        @JsonProperty(value = "model", required = true) String model,
        @JsonProperty("generation") int generation,
        @JsonProperty("features") List<String> features) {

    public CpuSpec {
        features = features == null ? List.of() : List.copyOf(new TreeSet<>(features));
    }

    /** Whether this CPU offers every feature of {@code other} (the C-03 host-model rule). */
    public boolean offersAllOf(List<String> wanted) {
        return new TreeSet<>(features).containsAll(wanted);
    }
}
