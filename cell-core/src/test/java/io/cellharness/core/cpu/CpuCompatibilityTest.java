package io.cellharness.core.cpu;

import static io.cellharness.core.cpu.CpuFixtures.cluster;
import static io.cellharness.core.cpu.CpuFixtures.cpu;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.CpuComparison;
import org.junit.jupiter.api.Test;

class CpuCompatibilityTest {

    @Test
    void comparesLikeVirConnectCompareCpu() {
        assertThat(CpuCompatibility.compare(cpu("Haswell"), cpu("Haswell")).result())
                .isEqualTo(CpuComparison.Result.IDENTICAL);
        assertThat(CpuCompatibility.compare(cpu("Broadwell"), cpu("Haswell")).result())
                .isEqualTo(CpuComparison.Result.SUPERSET);
        assertThat(CpuCompatibility.compare(cpu("Haswell"), cpu("Broadwell"))).isEqualTo(new CpuComparison(
                CpuComparison.Result.INCOMPATIBLE,
                "host CPU Haswell does not provide required features: 3dnowprefetch, adx, rdseed, smap"));
        assertThat(CpuCompatibility.compare(cpu("EPYC"), cpu("Nehalem")).reason())
                .isEqualTo("host CPU vendor amd does not match required CPU vendor intel");
    }

    @Test
    void aPlacedVmsCpuComesFromItsHost() {
        VmSpec vm = VmSpec.of("db", Size.ofGiB(4), 2).withCpuMode(CpuMode.HOST_PASSTHROUGH).withHost("h1");
        GuestCpuResult result = EffectiveCpu.of(vm, cluster(false, "Haswell", "Broadwell"));
        assertThat(((GuestCpuResult.Defined) result).cpu().cpu().model()).isEqualTo("Broadwell");
        assertThat(EffectiveCpu.of(vm.withHost(null), cluster(false, "Haswell")))
                .isEqualTo(new GuestCpuResult.Undefined("C-01", "VM db is not placed on a host"));
    }
}
