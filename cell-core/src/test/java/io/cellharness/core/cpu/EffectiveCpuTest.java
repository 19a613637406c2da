package io.cellharness.core.cpu;

import static io.cellharness.core.cpu.CpuFixtures.CATALOGUE;
import static io.cellharness.core.cpu.CpuFixtures.cluster;
import static io.cellharness.core.cpu.CpuFixtures.cpu;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuMode;
import org.junit.jupiter.api.Test;

class EffectiveCpuTest {

    private final ClusterSpec mixedGenerations = cluster(false, "Haswell", "Skylake-Server", "Cascadelake-Server");

    private GuestCpu defined(GuestCpuResult result) {
        assertThat(result).isInstanceOf(GuestCpuResult.Defined.class);
        return ((GuestCpuResult.Defined) result).cpu();
    }

    @Test
    void passthroughGivesTheHostCpuAsItIs() {
        GuestCpu guest = defined(EffectiveCpu.of(CpuMode.HOST_PASSTHROUGH, "h2", mixedGenerations));
        assertThat(guest.mode()).isEqualTo(CpuMode.HOST_PASSTHROUGH);
        assertThat(guest.cpu()).isEqualTo(cpu("Cascadelake-Server"));
        assertThat(guest.rule()).isEqualTo("C-02");
    }

    @Test
    void hostModelCopiesTheHostModelAndNamesItsExtras() {
        ClusterSpec spec = mixedGenerations.withHosts(java.util.List.of(
                CpuFixtures.host("h0", cpu("Skylake-Server", "pku"))));
        GuestCpu guest = defined(EffectiveCpu.of(CpuMode.HOST_MODEL, "h0", spec));
        assertThat(guest.mode()).isEqualTo(CpuMode.HOST_MODEL);
        assertThat(guest.cpu().model()).isEqualTo("Skylake-Server");
        assertThat(guest.extraFeatures()).containsExactly("pku");
        assertThat(guest.rule()).isEqualTo("C-03");
    }

    @Test
    void customRunsTheClusterBaselineOnEveryHost() {
        GuestCpu onNewest = defined(EffectiveCpu.of(CpuMode.CUSTOM, "h2", mixedGenerations));
        GuestCpu onOldest = defined(EffectiveCpu.of(CpuMode.CUSTOM, "h0", mixedGenerations));
        assertThat(onNewest).isEqualTo(onOldest);
        assertThat(onNewest.mode()).isEqualTo(CpuMode.CUSTOM);
        assertThat(onNewest.cpu().model()).isEqualTo("Haswell");
        assertThat(onNewest.rule()).isEqualTo("C-04");
    }

    @Test
    void generationCompatibilityPinsEveryModeToTheOldestGeneration() {
        ClusterSpec pinned = cluster(true, "Haswell", "Skylake-Server", "Cascadelake-Server");
        for (CpuMode mode : CpuMode.values()) {
            GuestCpu guest = defined(EffectiveCpu.of(mode, "h2", pinned));
            assertThat(guest.mode()).as(mode.yamlName()).isEqualTo(CpuMode.CUSTOM);
            assertThat(guest.cpu()).isEqualTo(CATALOGUE.require("Haswell").toSpec());
            assertThat(guest.rule()).isEqualTo("C-05");
            assertThat(guest.explanation()).contains("Haswell", "oldest generation");
        }
    }

    @Test
    void customInAMixedVendorClusterIsUndefinedWithTheReason() {
        GuestCpuResult result = EffectiveCpu.of(CpuMode.CUSTOM, "h0", cluster(false, "Haswell", "EPYC-Rome"));
        assertThat(result).isInstanceOf(GuestCpuResult.Undefined.class);
        GuestCpuResult.Undefined undefined = (GuestCpuResult.Undefined) result;
        assertThat(undefined.rule()).isEqualTo("C-04");
        assertThat(undefined.reason()).contains("CPU vendors do not match");
    }

    @Test
    void unknownHostsAreNamed() {
        assertThat(EffectiveCpu.of(CpuMode.HOST_MODEL, "nope", mixedGenerations))
                .isEqualTo(new GuestCpuResult.Undefined("C-01", "the cluster has no host nope"));
    }
}
