package io.cellharness.core.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.CpuVendor;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuCatalogueTest {

    private final CpuCatalogue catalogue = CpuCatalogue.standard();

    @Test
    void holdsEveryRequiredModelInReleaseOrderPerVendor() {
        assertThat(catalogue.models(CpuVendor.INTEL)).extracting(CpuModel::name).containsExactly(
                "Nehalem", "Westmere", "SandyBridge", "IvyBridge", "Haswell", "Broadwell", "Skylake-Client",
                "Skylake-Server", "Cascadelake-Server", "Cooperlake", "Icelake-Server", "SapphireRapids");
        assertThat(catalogue.models(CpuVendor.AMD)).extracting(CpuModel::name).containsExactly(
                "Opteron_G3", "Opteron_G4", "Opteron_G5", "EPYC", "EPYC-Rome", "EPYC-Milan", "EPYC-Genoa");
        assertThat(catalogue.models(CpuVendor.INTEL)).extracting(CpuModel::generation)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(catalogue.models()).allSatisfy(m -> assertThat(m.source()).contains("cpu_map/x86_" + m.name()));
    }

    @Test
    void featureListsAreLibvirts() {
        // Spot checks against libvirt 9.0.0's cpu_map (counts include every listed flag but removed ones).
        assertThat(catalogue.require("Nehalem").features()).hasSize(31).contains("sse4.2", "popcnt").doesNotContain("aes");
        assertThat(catalogue.require("Westmere").features()).hasSize(32).contains("aes");
        assertThat(catalogue.require("Haswell").features()).contains("avx2", "fma", "hle", "rtm", "invpcid")
                .doesNotContain("f16c", "rdrand");
        assertThat(catalogue.require("Skylake-Server").features()).contains("avx512f", "avx512bw", "clwb");
        assertThat(catalogue.require("Cascadelake-Server").features()).contains("avx512vnni", "mpx");
        assertThat(catalogue.require("Cooperlake").features()).contains("avx512-bf16").doesNotContain("mpx");
        assertThat(catalogue.require("SapphireRapids").features()).contains("amx-tile", "avx512-fp16", "serialize")
                .noneMatch(f -> f.startsWith("vmx-"));
        assertThat(catalogue.require("Opteron_G4").features()).contains("fma4", "xop", "svm", "sse4a");
        assertThat(catalogue.require("Opteron_G5").features()).contains("tbm", "f16c");
        assertThat(catalogue.require("EPYC-Genoa").features()).contains("avx512f", "la57", "auto-ibrs");
    }

    @Test
    void removedFlagsAreKeptApartFromTheModel() {
        CpuModel icelake = catalogue.require("Icelake-Server");
        assertThat(icelake.removed()).containsExactly("intel-pt");
        assertThat(icelake.features()).doesNotContain("intel-pt");
        assertThat(catalogue.require("EPYC").removed()).containsExactly("monitor");
        assertThat(catalogue.require("EPYC").features()).doesNotContain("monitor").contains("sha-ni");
    }

    @Test
    void lookupIsExactAndErrorsHelp() {
        assertThat(catalogue.find("Haswell")).isPresent();
        assertThat(catalogue.find("haswell")).isEmpty();
        assertThatThrownBy(() -> catalogue.require("haswell"))
                .hasMessage("unknown CPU model 'haswell'; did you mean 'Haswell'?");
        assertThatThrownBy(() -> catalogue.require("Pentium4"))
                .hasMessageStartingWith("unknown CPU model 'Pentium4'; known models: ")
                .hasMessageContaining("EPYC-Milan");
    }

    @Test
    void expandAddsTheModelsFeaturesAndGeneration() {
        CpuSpec bare = new CpuSpec(CpuVendor.INTEL, "Haswell", 0, List.of("vme"));
        CpuSpec full = catalogue.expand(bare);
        assertThat(full.generation()).isEqualTo(5);
        assertThat(full.features()).contains("vme", "avx2").hasSize(catalogue.require("Haswell").features().size() + 1);

        CpuSpec unknown = new CpuSpec(CpuVendor.INTEL, "Penryn", 0, List.of("sse4.1"));
        assertThat(catalogue.expand(unknown)).isEqualTo(unknown);
        assertThat(catalogue.generationOf(unknown)).isEmpty();

        CpuSpec wrongVendor = new CpuSpec(CpuVendor.AMD, "Haswell", 0, List.of());
        assertThat(catalogue.expand(wrongVendor)).isEqualTo(wrongVendor);
        assertThat(catalogue.problem(wrongVendor)).hasValue("CPU model Haswell is an intel model, but the vendor is amd");
        assertThat(catalogue.problem(full)).isEmpty();
    }

    @Test
    void hostCpuIsTheModelPlusExtras() {
        CpuSpec cpu = catalogue.hostCpu("IvyBridge", "avx2");
        assertThat(cpu.model()).isEqualTo("IvyBridge");
        assertThat(cpu.vendor()).isEqualTo(CpuVendor.INTEL);
        assertThat(cpu.features()).contains("avx2", "f16c");
    }

    @Test
    void aCatalogueRefusesAmbiguousData() {
        CpuModel a = new CpuModel("A", CpuVendor.INTEL, 1, List.of("fpu"), null, "test");
        CpuModel b = new CpuModel("B", CpuVendor.INTEL, 1, List.of("fpu"), null, "test");
        assertThatThrownBy(() -> CpuCatalogue.of(List.of(a, b)))
                .hasMessage("CPU models A and B share generation 1 of intel");
        assertThatThrownBy(() -> CpuCatalogue.of(List.of(a, a))).hasMessage("CPU model A is listed twice");
        assertThatThrownBy(() -> CpuCatalogue.of(List.of(new CpuModel("C", CpuVendor.AMD, 1, List.of(), null, "t"))))
                .hasMessage("CPU model C has no features");
    }
}
