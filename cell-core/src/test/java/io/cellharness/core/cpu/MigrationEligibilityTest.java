package io.cellharness.core.cpu;

import static io.cellharness.core.cpu.CpuFixtures.CATALOGUE;
import static io.cellharness.core.cpu.CpuFixtures.cluster;
import static io.cellharness.core.cpu.CpuFixtures.cpu;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.CpuVendor;
import io.cellharness.core.model.HostSpec;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MigrationEligibilityTest {

    private final ClusterSpec plain = cluster(false, "Haswell", "Broadwell", "Skylake-Server");

    private static Eligibility.Refused refused(Eligibility e) {
        assertThat(e).isInstanceOf(Eligibility.Refused.class);
        return (Eligibility.Refused) e;
    }

    // ---- C-02 host-passthrough ----

    @Test
    void passthroughMovesBetweenIdenticalCpusWhenTheWholeClusterHasThem() {
        ClusterSpec uniform = cluster(false, "Broadwell", "Broadwell", "Broadwell");
        Eligibility e = MigrationEligibility.check(CpuMode.HOST_PASSTHROUGH, null, cpu("Broadwell"), cpu("Broadwell"),
                uniform);
        assertThat(e).isEqualTo(new Eligibility.Allowed("C-02", "the source and target CPUs are identical"));
    }

    @Test
    void passthroughRefusesAnotherModelEvenANewerOne() {
        Eligibility.Refused r = refused(MigrationEligibility.check(CpuMode.HOST_PASSTHROUGH, null, cpu("Haswell"),
                cpu("Broadwell"), plain));
        assertThat(r.rule()).isEqualTo("C-02");
        assertThat(r.reason()).isEqualTo("host-passthrough VM sees the CPU Haswell and the cluster's CPUs are not all "
                + "the same: h1 has Broadwell; h2 has Skylake-Server; host-passthrough live-migrates only when every "
                + "host of the cluster has the same CPU model and feature set");
    }

    @Test
    void passthroughInAMixedClusterIsRefusedEvenTowardAnIdenticalHostNamingOnlyTheHostsThatDiffer() {
        ClusterSpec mixed = new ClusterSpec("c", null, List.of(CpuFixtures.host("a", cpu("Haswell")),
                CpuFixtures.host("b", cpu("Haswell")), CpuFixtures.host("c", cpu("Broadwell")),
                CpuFixtures.host("d", cpu("Haswell", "vme")), CpuFixtures.host("e", null)), List.of());

        Eligibility.Refused r = refused(MigrationEligibility.check(CpuMode.HOST_PASSTHROUGH, null, cpu("Haswell"),
                cpu("Haswell"), mixed));

        assertThat(r.rule()).isEqualTo("C-02");
        assertThat(r.reason()).contains("c has Broadwell; d has Haswell with vme too; e has no CPU description;")
                .doesNotContain("a has").doesNotContain("b has");
        // host-model does not look at the other hosts
        assertThat(MigrationEligibility.check(CpuMode.HOST_MODEL, null, cpu("Haswell"), cpu("Haswell"), mixed)
                .allowed()).isTrue();
    }

    @Test
    void passthroughRefusesTheSameModelWithOtherFeatures() {
        ClusterSpec one = new ClusterSpec("c", null, List.of(CpuFixtures.host("a", cpu("Haswell")),
                CpuFixtures.host("b", cpu("Haswell", "vme"))), List.of());
        Eligibility.Refused more = refused(MigrationEligibility.check(CpuMode.HOST_PASSTHROUGH, null, cpu("Haswell"),
                cpu("Haswell", "vme"), one));
        assertThat(more.reason()).contains("b has Haswell with vme too;").doesNotContain("without");

        ClusterSpec two = new ClusterSpec("c", null, List.of(CpuFixtures.host("a", cpu("Haswell", "f16c", "rdrand")),
                CpuFixtures.host("b", cpu("Haswell"))), List.of());
        Eligibility.Refused fewer = refused(MigrationEligibility.check(CpuMode.HOST_PASSTHROUGH, null,
                cpu("Haswell", "f16c", "rdrand"), cpu("Haswell"), two));
        assertThat(fewer.reason()).contains("b has Haswell without f16c, rdrand;");
    }

    @Test
    void aPassthroughVmThatSawAnotherCpuThanTheClustersIsRefused() {
        ClusterSpec uniform = cluster(false, "Haswell", "Haswell");
        Eligibility.Refused r = refused(MigrationEligibility.check(CpuMode.HOST_PASSTHROUGH,
                cpu("Haswell", "f16c"), cpu("Haswell"), cpu("Haswell"), uniform));
        assertThat(r.reason()).contains("h0 has Haswell without f16c; h1 has Haswell without f16c;");
    }

    @Test
    void hostModelMovesToAHostOfferingEveryFeature() {
        Eligibility e = MigrationEligibility.check(CpuMode.HOST_MODEL, null, cpu("Haswell"), cpu("Skylake-Server"), plain);
        assertThat(e.rule()).isEqualTo("C-03");
        assertThat(((Eligibility.Allowed) e).note()).contains("libvirt adjusts the feature set");
    }

    @Test
    void hostModelRefusalNamesTheExactMissingFeatures() {
        Eligibility.Refused r = refused(MigrationEligibility.check(CpuMode.HOST_MODEL, null, cpu("Broadwell"),
                cpu("Haswell"), plain));
        assertThat(r.rule()).isEqualTo("C-03");
        assertThat(r.missingFeatures()).containsExactly("3dnowprefetch", "adx", "rdseed", "smap");
        assertThat(r.reason()).isEqualTo("target host CPU Haswell lacks 4 features the VM was started with "
                + "(host-model Broadwell): 3dnowprefetch, adx, rdseed, smap");
    }

    @Test
    void hostModelChecksWhatTheVmStartedWithNotTheSource() {
        // Started on Haswell, since moved to Skylake-Server: it may go back to a Haswell host.
        Eligibility e = MigrationEligibility.check(CpuMode.HOST_MODEL, cpu("Haswell"), cpu("Skylake-Server"),
                cpu("Haswell"), plain);
        assertThat(e.allowed()).isTrue();
    }

    // ---- vendors ----

    @Test
    void anotherVendorIsRefusedForPassthroughAndHostModel() {
        for (CpuMode mode : List.of(CpuMode.HOST_PASSTHROUGH, CpuMode.HOST_MODEL)) {
            Eligibility.Refused r = refused(MigrationEligibility.check(mode, null, cpu("Cascadelake-Server"),
                    cpu("EPYC-Milan"), plain));
            assertThat(r.reason()).isEqualTo(mode.yamlName() + " VM runs an intel CPU (Cascadelake-Server) and the "
                    + "target host's CPU is amd (EPYC-Milan): CPUs of different vendors never take a live migration");
        }
    }

    // ---- C-04 custom ----

    @Test
    void customMovesToAnyHostOfferingTheBaseline() {
        // The baseline of Haswell, Broadwell and Skylake-Server is Haswell: an IvyBridge host lacks its features.
        Eligibility toSkylake = MigrationEligibility.check(CpuMode.CUSTOM, null, cpu("Skylake-Server"),
                cpu("Skylake-Client"), plain);
        assertThat(toSkylake).isEqualTo(new Eligibility.Allowed("C-04",
                "the target offers every feature of the baseline CPU Haswell"));

        Eligibility.Refused toIvy = refused(MigrationEligibility.check(CpuMode.CUSTOM, null, cpu("Skylake-Server"),
                cpu("IvyBridge"), plain));
        List<String> expected = List.copyOf(new TreeSet<>(CATALOGUE.missing(CATALOGUE.require("Haswell"), cpu("IvyBridge"))));
        assertThat(toIvy.missingFeatures()).isEqualTo(expected).contains("avx2", "bmi1");
        assertThat(toIvy.reason()).startsWith("target host CPU IvyBridge lacks " + expected.size()
                + " features of the cluster baseline CPU Haswell: ");
    }

    @Test
    void customWithoutAClusterBaselineIsRefusedWithTheReason() {
        Eligibility.Refused r = refused(MigrationEligibility.check(CpuMode.CUSTOM, null, cpu("Haswell"), cpu("Haswell"),
                cluster(false, "Haswell", "EPYC")));
        assertThat(r.rule()).isEqualTo("C-04");
        assertThat(r.reason()).contains("CPU vendors do not match");
    }

    // ---- C-05 generation compatibility ----

    @Test
    void generationCompatibilityLetsEvenPassthroughVmsMoveToOlderHosts() {
        ClusterSpec pinned = cluster(true, "Haswell", "Broadwell", "Skylake-Server");
        Eligibility e = MigrationEligibility.check(CpuMode.HOST_PASSTHROUGH, null, cpu("Skylake-Server"),
                cpu("Haswell"), pinned);
        assertThat(e).isEqualTo(new Eligibility.Allowed("C-05",
                "the VM runs Haswell (oldest generation in the cluster) on every host"));
    }

    @Test
    void generationCompatibilityStillRefusesAHostBelowThePinnedGeneration() {
        ClusterSpec pinned = cluster(true, "Haswell", "Broadwell");
        Eligibility.Refused r = refused(MigrationEligibility.check(CpuMode.HOST_MODEL, null, cpu("Broadwell"),
                cpu("SandyBridge"), pinned));
        assertThat(r.rule()).isEqualTo("C-05");
        assertThat(r.reason()).startsWith("target host CPU SandyBridge lacks ").contains("of the cluster generation CPU Haswell");
    }

    // ---- properties ----

    @Provide
    Arbitrary<String> anyModel() {
        return Arbitraries.of(CATALOGUE.models().stream().map(CpuModel::name).toList());
    }

    @Property
    void hostModelIsAllowedExactlyWhenTheTargetOffersEveryFeature(@ForAll("anyModel") String from,
                                                                  @ForAll("anyModel") String to) {
        CpuSpec source = cpu(from);
        CpuSpec target = cpu(to);
        Eligibility e = MigrationEligibility.check(CpuMode.HOST_MODEL, null, source, target, plain);
        boolean offers = source.vendor() == target.vendor() && target.features().containsAll(source.features());
        assertThat(e.allowed()).isEqualTo(offers);
        if (e instanceof Eligibility.Refused r && source.vendor() == target.vendor()) {
            assertThat(r.missingFeatures()).isNotEmpty().allSatisfy(f -> assertThat(target.features()).doesNotContain(f));
        }
    }

    @Property
    void passthroughIsAllowedExactlyWhenEveryHostHasTheSameCpu(@ForAll("anyModel") String from,
                                                               @ForAll("anyModel") String to,
                                                               @ForAll("anyModel") String third) {
        Eligibility e = MigrationEligibility.check(CpuMode.HOST_PASSTHROUGH, null, cpu(from), cpu(to),
                cluster(false, from, to, third));
        assertThat(e.allowed()).isEqualTo(from.equals(to) && from.equals(third));
    }

    @Provide
    Arbitrary<List<String>> intelCluster() {
        return Arbitraries.of(CATALOGUE.models(CpuVendor.INTEL).stream().map(CpuModel::name).toList())
                .list().ofMinSize(2).ofMaxSize(5);
    }

    @Property
    void withGenerationCompatibilityEveryVmMayMoveAnywhereInTheCluster(@ForAll("intelCluster") List<String> models) {
        ClusterSpec pinned = cluster(true, models.toArray(String[]::new));
        for (CpuMode mode : CpuMode.values()) {
            for (HostSpec from : pinned.hosts()) {
                for (HostSpec to : pinned.hosts()) {
                    Eligibility e = MigrationEligibility.check(mode, null, from.cpu(), to.cpu(), pinned);
                    assertThat(e.allowed()).as(mode + " " + from.cpu().model() + " -> " + to.cpu().model()).isTrue();
                }
            }
        }
    }
}
