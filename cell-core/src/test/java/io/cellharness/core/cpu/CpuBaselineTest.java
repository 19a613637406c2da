package io.cellharness.core.cpu;

import static io.cellharness.core.cpu.CpuFixtures.CATALOGUE;
import static io.cellharness.core.cpu.CpuFixtures.cluster;
import static io.cellharness.core.cpu.CpuFixtures.cpu;
import static io.cellharness.core.cpu.CpuFixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.CpuVendor;
import io.cellharness.core.model.HostSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CpuBaselineTest {

    @Test
    void hostsOfOneModelShareThatModelWithoutExtras() {
        BaselineResult.Found found = (BaselineResult.Found) CpuBaseline.of(List.of(cpu("Broadwell"), cpu("Broadwell")));
        assertThat(found.model().name()).isEqualTo("Broadwell");
        assertThat(found.extraFeatures()).isEmpty();
        assertThat(found.cpu().features()).isEqualTo(CATALOGUE.require("Broadwell").features());
    }

    @Test
    void anOlderAndANewerHostShareTheOlderModel() {
        BaselineResult.Found found = (BaselineResult.Found) CpuBaseline.of(List.of(cpu("Skylake-Server"), cpu("Haswell")));
        assertThat(found.model().name()).isEqualTo("Haswell");
        assertThat(found.extraFeatures()).isEmpty();
    }

    @Test
    void commonFeaturesBeyondTheModelAreKeptAsExtras() {
        // libvirt's Haswell lacks IvyBridge's f16c, rdrand and vme, so the two share SandyBridge plus what else they
        // have in common: IvyBridge's erms, fsgsbase and smep.
        BaselineResult.Found found = (BaselineResult.Found) CpuBaseline.of(List.of(cpu("IvyBridge"), cpu("Haswell")));
        assertThat(found.model().name()).isEqualTo("SandyBridge");
        assertThat(found.extraFeatures()).containsExactly("erms", "fsgsbase", "smep");
        assertThat(found.cpu().model()).isEqualTo("SandyBridge");
        assertThat(found.cpu().features()).contains("erms", "avx").doesNotContain("f16c", "avx2");
    }

    @Test
    void extraHostFeaturesCountLikeLibvirtsHostModelFeatures() {
        BaselineResult.Found found = (BaselineResult.Found) CpuBaseline.of(
                List.of(cpu("IvyBridge"), cpu("Haswell", "f16c", "rdrand", "vme")));
        assertThat(found.model().name()).isEqualTo("IvyBridge");
    }

    @Test
    void vendorsMustMatchAsInLibvirt() {
        BaselineResult result = CpuBaseline.ofCluster(cluster(false, "Haswell", "EPYC"));
        assertThat(result).isInstanceOf(BaselineResult.Impossible.class);
        assertThat(((BaselineResult.Impossible) result).reason())
                .isEqualTo("CPU vendors do not match: host h0 is intel (Haswell), host h1 is amd (EPYC); "
                        + "no CPU model runs on both");
    }

    @Test
    void aHostWithoutCpuDescriptionIsNamed() {
        ClusterSpec spec = cluster(false, "Haswell").withHosts(List.of(host("h0", cpu("Haswell")), host("bare", null)));
        assertThat(CpuBaseline.ofCluster(spec))
                .isEqualTo(new BaselineResult.Impossible("host bare has no CPU description (vendor, model)"));
    }

    @Test
    void hostsTooPoorForAnyModelAreExplained() {
        CpuSpec poor = new CpuSpec(CpuVendor.INTEL, "Penryn", 0, List.of("fpu", "sse", "sse2"));
        BaselineResult result = CpuBaseline.of(List.of(poor, cpu("Haswell")));
        assertThat(((BaselineResult.Impossible) result).reason())
                .startsWith("no catalogue model runs on every host; even the oldest, Nehalem, cannot: CPU 0 (Penryn) lacks ")
                .contains("sse4.2");
    }

    @Test
    void oldestGenerationPinsTheOldestHostsModel() {
        BaselineResult.Found found = (BaselineResult.Found) CpuBaseline.oldestGeneration(
                cluster(true, "Cascadelake-Server", "Haswell", "Skylake-Server"));
        assertThat(found.model().name()).isEqualTo("Haswell");
        assertThat(found.extraFeatures()).isEmpty();
        assertThat(found.cpu()).isEqualTo(CATALOGUE.require("Haswell").toSpec());
    }

    @Test
    void oldestGenerationStepsBackWhenANewerHostLacksTheOldModelsFeatures() {
        BaselineResult.Found found = (BaselineResult.Found) CpuBaseline.oldestGeneration(
                cluster(true, "IvyBridge", "Haswell"));
        assertThat(found.model().name()).isEqualTo("SandyBridge");
    }

    @Test
    void oldestGenerationNeedsKnownGenerations() {
        CpuSpec unknown = new CpuSpec(CpuVendor.INTEL, "Penryn", 0, List.of("fpu"));
        BaselineResult result = CpuBaseline.oldestGeneration(List.of(unknown, cpu("Haswell")), CATALOGUE);
        assertThat(((BaselineResult.Impossible) result).reason())
                .isEqualTo("CPU 0 (Penryn) has CPU model Penryn, which is not in the catalogue and states no generation (C-05)");
    }

    @Provide
    Arbitrary<List<String>> intelHosts() {
        return Arbitraries.of(names(CpuVendor.INTEL)).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<String>> amdHosts() {
        return Arbitraries.of(names(CpuVendor.AMD)).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property
    void theBaselineRunsOnEveryHostAndNoNewerModelDoes(@ForAll("intelHosts") List<String> intel,
                                                       @ForAll("amdHosts") List<String> amd) {
        for (List<String> models : List.of(intel, amd)) {
            List<CpuSpec> cpus = models.stream().map(CpuFixtures::cpu).toList();
            BaselineResult.Found found = (BaselineResult.Found) CpuBaseline.of(cpus);
            for (CpuSpec host : cpus) {
                assertThat(host.features()).containsAll(found.cpu().features());
            }
            TreeSet<String> common = new TreeSet<>(cpus.get(0).features());
            cpus.forEach(c -> common.retainAll(c.features()));
            assertThat(found.cpu().features()).containsExactlyElementsOf(common);
            for (CpuModel newer : CATALOGUE.models(found.model().vendor())) {
                if (newer.generation() > found.model().generation()) {
                    assertThat(common.containsAll(newer.features())).as(newer.name()).isFalse();
                }
            }
        }
    }

    @Property
    void theGenerationCpuIsNoNewerThanTheOldestHost(@ForAll("intelHosts") List<String> models) {
        List<HostSpec> hosts = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            hosts.add(host("h" + i, cpu(models.get(i))));
        }
        BaselineResult.Found found = (BaselineResult.Found) CpuBaseline.oldestGenerationOfHosts(hosts, CATALOGUE);
        int oldest = models.stream().mapToInt(m -> CATALOGUE.require(m).generation()).min().orElseThrow();
        assertThat(found.model().generation()).isLessThanOrEqualTo(oldest);
        hosts.forEach(h -> assertThat(h.cpu().features()).containsAll(found.cpu().features()));
    }

    @Test
    void everyModelAloneIsItsOwnBaseline() {
        for (CpuModel m : CATALOGUE.models()) {
            BaselineResult.Found found = (BaselineResult.Found) CpuBaseline.of(List.of(m.toSpec()));
            assertThat(found.model()).as(m.name()).isEqualTo(m);
            assertThat(found.extraFeatures()).as(m.name()).isEmpty();
        }
    }

    private static List<String> names(CpuVendor vendor) {
        return CATALOGUE.models(vendor).stream().map(CpuModel::name).toList();
    }
}
