package io.cellharness.libvirt.xml;

import io.cellharness.core.model.CpuVendor;
import java.util.List;

/**
 * Orders libvirt's x86 CPU models of one vendor by generation, oldest first (C-05 "oldest generation present"), since
 * libvirt names models but does not number them. Variants ({@code Broadwell-noTSX-IBRS}, {@code EPYC-Milan-v2}) count
 * as their family.
 */
public final class CpuGenerations {

    private static final List<String> INTEL = List.of("Conroe", "Penryn", "Nehalem", "Westmere", "SandyBridge",
            "IvyBridge", "Haswell", "Broadwell", "Skylake", "Cascadelake", "Cooperlake", "Icelake", "SapphireRapids",
            "GraniteRapids");
    private static final List<String> AMD = List.of("Opteron_G1", "Opteron_G2", "Opteron_G3", "Opteron_G4",
            "Opteron_G5", "EPYC", "EPYC-Rome", "EPYC-Milan", "EPYC-Genoa");

    private CpuGenerations() {
    }

    /** 1 for the oldest known family of the vendor, rising; 0 when the model is not a known family. */
    public static int of(CpuVendor vendor, String model) {
        if (vendor == null || model == null) {
            return 0;
        }
        List<String> families = switch (vendor) {
            case INTEL -> INTEL;
            case AMD -> AMD;
            case ARM -> List.of();
        };
        int best = -1;
        int bestLength = 0;
        for (int i = 0; i < families.size(); i++) {
            String family = families.get(i);
            boolean matches = model.equals(family) || model.startsWith(family + "-");
            if (matches && family.length() > bestLength) {
                best = i;
                bestLength = family.length();
            }
        }
        return best + 1;
    }
}
