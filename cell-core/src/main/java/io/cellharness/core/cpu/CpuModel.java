package io.cellharness.core.cpu;

import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.CpuVendor;
import java.util.List;
import java.util.TreeSet;

/**
 * One named CPU model of the catalogue, as QEMU and libvirt spell it.
 *
 * @param name       model name, e.g. {@code Icelake-Server}
 * @param vendor     the vendor whose CPUs it describes
 * @param generation release order among the vendor's models, oldest lowest (C-05)
 * @param features   the CPUID feature flags the model gives a guest, sorted
 * @param removed    flags libvirt still lists for the model but marks removed (QEMU dropped them); not in
 *                   {@code features}
 * @param source     where the feature list was copied from
 */
public record CpuModel(String name, CpuVendor vendor, int generation, List<String> features, List<String> removed,
                       String source) {

    public CpuModel {
        features = List.copyOf(new TreeSet<>(features));
        removed = removed == null ? List.of() : List.copyOf(new TreeSet<>(removed));
    }

    /** This model as a CPU description with exactly the model's features. */
    public CpuSpec toSpec() {
        return new CpuSpec(vendor, name, generation, features);
    }

    @Override
    public String toString() {
        return name + " (" + vendor + ", generation " + generation + ")";
    }
}
