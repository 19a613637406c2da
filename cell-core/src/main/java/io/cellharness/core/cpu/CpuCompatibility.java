package io.cellharness.core.cpu;

import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.port.CpuComparison;
import java.util.List;

/**
 * A host's answer to "can you run this CPU?", as libvirt's {@code virConnectCompareCPU} gives it: identical, a
 * superset (the host offers more), or incompatible with the reason. For backends that answer
 * {@link io.cellharness.core.port.Hypervisor#compareCpu} without libvirt, such as the simulator.
 */
public final class CpuCompatibility {

    private CpuCompatibility() {
    }

    /** {@link #compare(CpuSpec, CpuSpec, CpuCatalogue)} with the standard catalogue. */
    public static CpuComparison compare(CpuSpec hostCpu, CpuSpec guestCpu) {
        return compare(hostCpu, guestCpu, CpuCatalogue.standard());
    }

    public static CpuComparison compare(CpuSpec hostCpu, CpuSpec guestCpu, CpuCatalogue catalogue) {
        CpuSpec host = catalogue.expand(hostCpu);
        CpuSpec guest = catalogue.expand(guestCpu);
        if (host.vendor() != guest.vendor()) {
            return new CpuComparison(CpuComparison.Result.INCOMPATIBLE, "host CPU vendor " + host.vendor()
                    + " does not match required CPU vendor " + guest.vendor());
        }
        List<String> missing = FeatureSets.missing(guest.features(), host.features());
        if (!missing.isEmpty()) {
            return new CpuComparison(CpuComparison.Result.INCOMPATIBLE, "host CPU " + host.model()
                    + " does not provide required features: " + FeatureSets.list(missing));
        }
        if (host.model().equals(guest.model()) && host.features().equals(guest.features())) {
            return new CpuComparison(CpuComparison.Result.IDENTICAL, "");
        }
        return new CpuComparison(CpuComparison.Result.SUPERSET, "");
    }
}
