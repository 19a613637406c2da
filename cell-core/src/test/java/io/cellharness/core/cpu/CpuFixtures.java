package io.cellharness.core.cpu;

import io.cellharness.core.model.ClusterSettings;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Overcommit;
import io.cellharness.core.model.Size;
import java.util.ArrayList;
import java.util.List;

/** Hosts and clusters of catalogue CPUs for the CPU tests. */
final class CpuFixtures {

    static final CpuCatalogue CATALOGUE = CpuCatalogue.standard();

    private CpuFixtures() {
    }

    static CpuSpec cpu(String model, String... extras) {
        return CATALOGUE.hostCpu(model, extras);
    }

    static HostSpec host(String name, CpuSpec cpu) {
        return new HostSpec(name, 32, Size.ofGiB(256), null, cpu, null, null, null, null);
    }

    /** A cluster with one host per model, named h0, h1, ... */
    static ClusterSpec cluster(boolean generationCompatibility, String... models) {
        List<HostSpec> hosts = new ArrayList<>();
        for (int i = 0; i < models.length; i++) {
            hosts.add(host("h" + i, cpu(models[i])));
        }
        return new ClusterSpec("c", new ClusterSettings(Overcommit.OFF, generationCompatibility), hosts, List.of());
    }
}
