package io.cellharness.libvirt.xml;

import io.cellharness.core.cpu.CpuCatalogue;
import io.cellharness.core.cpu.CpuModel;
import io.cellharness.core.model.CpuVendor;

/**
 * The generation (C-05) of a CPU model libvirt names, from cell-core's {@link CpuCatalogue}: libvirt names models but
 * does not number them. Variants count as their catalogue family ({@code Broadwell-noTSX-IBRS} as {@code Broadwell},
 * {@code EPYC-Milan-v2} as {@code EPYC-Milan}).
 */
public final class CpuGenerations {

    private static final CpuCatalogue CATALOGUE = CpuCatalogue.standard();

    private CpuGenerations() {
    }

    /** The catalogue generation of the model's family; 0 when the catalogue has no such family of that vendor. */
    public static int of(CpuVendor vendor, String model) {
        if (vendor == null || model == null) {
            return 0;
        }
        CpuModel best = null;
        for (CpuModel m : CATALOGUE.models(vendor)) {
            boolean matches = model.equals(m.name()) || model.startsWith(m.name() + "-");
            if (matches && (best == null || m.name().length() > best.name().length())) {
                best = m;
            }
        }
        return best == null ? 0 : best.generation();
    }
}
