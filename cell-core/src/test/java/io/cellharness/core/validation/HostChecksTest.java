package io.cellharness.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.BondMode;
import io.cellharness.core.model.BondSpec;
import io.cellharness.core.model.ClusterSettings;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.CpuVendor;
import io.cellharness.core.model.HostNicSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Overcommit;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.spec.SpecCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CPU (C-01, C-04, C-05) and bond (N-05 … N-07) rules as {@link SpecValidator} reports them per host. */
class HostChecksTest {

    private static HostSpec host(String name, CpuSpec cpu) {
        return new HostSpec(name, 32, Size.ofGiB(256), null, cpu, null, null, null, null);
    }

    private static HostSpec bonded(String name, BondSpec... bonds) {
        return new HostSpec(name, 32, Size.ofGiB(256), null, null, null, null,
                List.of(new HostNicSpec("eno1", 10), new HostNicSpec("eno2", 10), new HostNicSpec("eno3", 10),
                        new HostNicSpec("eno4", 10)), List.of(bonds));
    }

    private static ValidationReport validate(boolean generationCompatibility, List<HostSpec> hosts, VmSpec... vms) {
        return SpecValidator.validate(new ClusterSpec("t", new ClusterSettings(Overcommit.OFF, generationCompatibility),
                hosts, List.of(vms)));
    }

    private static ValidationReport validate(HostSpec... hosts) {
        return validate(false, List.of(hosts));
    }

    @Test
    void aCatalogueModelNamedWithTheWrongVendorIsAC01Error() {
        ValidationReport report = validate(host("h1", new CpuSpec(CpuVendor.AMD, "Haswell", 0, null)));
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("C-01");
            assertThat(p.path()).isEqualTo("hosts[0].cpu.vendor");
            assertThat(p.value()).isEqualTo("amd");
            assertThat(p.message()).isEqualTo("CPU model Haswell is an intel model, but the vendor is amd");
        });
    }

    @Test
    void aModelInTheWrongCaseIsAnErrorNamingTheRightSpelling() {
        ValidationReport report = validate(host("h1", new CpuSpec(CpuVendor.INTEL, "icelake-server", 0, null)));
        assertThat(report.errorIds()).containsExactly("C-01");
        assertThat(report.errors().get(0).message()).contains("did you mean Icelake-Server?");
    }

    @Test
    void aModelOutsideTheCatalogueIsOnlyAWarning() {
        ValidationReport report = validate(host("h1", new CpuSpec(CpuVendor.INTEL, "Meteorlake", 0, List.of("sse2"))));
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).extracting(Problem::id, Problem::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C-01", "hosts[0].cpu.model"));
        assertThat(report.warnings().get(0).message()).contains("compare it by its stated features only")
                .contains("no generation");
    }

    @Test
    void aGenerationThatContradictsTheCatalogueIsAC05Error() {
        ValidationReport report = validate(host("h1", new CpuSpec(CpuVendor.INTEL, "Icelake-Server", 10, null)));
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("C-05");
            assertThat(p.path()).isEqualTo("hosts[0].cpu.generation");
            assertThat(p.value()).isEqualTo("10");
            assertThat(p.limit()).isEqualTo("11");
        });
    }

    @Test
    void generationCompatibilityAcrossVendorsIsRefused() {
        ValidationReport report = validate(true, List.of(host("i", new CpuSpec(CpuVendor.INTEL, "Haswell", 0, null)),
                host("a", new CpuSpec(CpuVendor.AMD, "EPYC", 0, null))));
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("C-05");
            assertThat(p.path()).isEqualTo("settings.cpuGenerationCompatibility");
            assertThat(p.message()).contains("CPU vendors do not match");
        });
    }

    @Test
    void generationCompatibilityWithAnUndescribedHostIsAWarning() {
        ValidationReport report = validate(true, List.of(host("i", new CpuSpec(CpuVendor.INTEL, "Haswell", 0, null)),
                host("bare", null)));
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).extracting(Problem::id, Problem::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C-05", "hosts[1].cpu"));
    }

    @Test
    void aCustomVmInAClusterWithoutBaselineIsAC04Error() {
        VmSpec custom = VmSpec.of("app", Size.ofGiB(4), 2).withCpuMode(CpuMode.CUSTOM);
        VmSpec model = VmSpec.of("web", Size.ofGiB(4), 2);
        ValidationReport report = validate(false, List.of(host("i", new CpuSpec(CpuVendor.INTEL, "Haswell", 0, null)),
                host("a", new CpuSpec(CpuVendor.AMD, "EPYC", 0, null))), model, custom);
        assertThat(report.errorIds()).containsExactly("C-04");
        assertThat(report.errors().get(0).path()).isEqualTo("vms[1].cpuMode");
    }

    @Test
    void mixedGenerationsOfOneVendorAreValid() {
        VmSpec custom = VmSpec.of("app", Size.ofGiB(4), 2).withCpuMode(CpuMode.CUSTOM);
        assertThat(validate(true, List.of(host("a", new CpuSpec(CpuVendor.INTEL, "Haswell", 0, null)),
                host("b", new CpuSpec(CpuVendor.INTEL, "Icelake-Server", 11, null))), custom).errors()).isEmpty();
    }

    @Test
    void aBondNotNamedBondStarIsAnN05ErrorAtItsName() {
        ValidationReport report = validate(bonded("h1", new BondSpec("bond0", null, List.of("eno1"), "br-VM")));
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("N-05");
            assertThat(p.path()).isEqualTo("hosts[0].bonds[0].name");
            assertThat(p.value()).isEqualTo("bond0");
            assertThat(p.message()).startsWith("host h1: bond 'bond0' must be named bond-<name>");
        });
    }

    @Test
    void theManagementBondMustBeBondMgmt() {
        ValidationReport report = validate(bonded("h1", new BondSpec("bond-mgmt", null, List.of("eno1"), "br-MGMT")));
        assertThat(report.errorIds()).containsExactly("N-05");
        assertThat(report.errors().get(0).message()).contains("must be named bond-MGMT, not bond-mgmt");
    }

    @Test
    void whatABondIsMadeOfIsN06() {
        ValidationReport report = validate(bonded("h1",
                new BondSpec("bond-MGMT", null, List.of("eno1", "eno9"), "br-MGMT"),
                new BondSpec("bond-VM", BondMode.BALANCE_XOR, List.of("eno1", "eno3"), "br-VM")));
        assertThat(report.errors()).extracting(Problem::id, Problem::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("N-06", "hosts[0].bonds[0].slaves[1]"),
                org.assertj.core.groups.Tuple.tuple("N-06", "hosts[0].bonds[1].slaves[0]"));
        assertThat(report.errors().get(1).message()).contains("NIC eno1 is a slave of both bond-MGMT and bond-VM");
    }

    @Test
    void lacpIsRefusedOnlyWhereTheHostSaysItsSwitchLacksIt() {
        HostSpec lacp = bonded("h1", new BondSpec("bond-VM", BondMode.LACP, List.of("eno3", "eno4"), "br-VM"));
        assertThat(validate(lacp).errors()).as("switches support LACP unless stated").isEmpty();
        ValidationReport report = validate(lacp.withSwitchLacp(false));
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("N-07");
            assertThat(p.path()).isEqualTo("hosts[0].bonds[0].mode");
            assertThat(p.value()).isEqualTo("802.3ad");
            assertThat(p.message()).contains("this switch does not support it");
        });
    }

    @Test
    void switchLacpIsReadFromTheClusterFile() throws Exception {
        ClusterSpec spec = SpecCodec.readCluster("""
                hosts:
                  - name: h1
                    cores: 8
                    memory: 64GiB
                    nics: [{name: eno1}, {name: eno2}]
                    bonds: [{name: bond-MGMT, mode: 802.3ad, slaves: [eno1, eno2]}]
                    switchLacp: false
                """, "t.yaml");
        assertThat(spec.hosts().get(0).switchSupportsLacp()).isFalse();
        assertThat(SpecValidator.validate(spec).errorIds()).containsExactly("N-07");
        assertThat(SpecCodec.readCluster("hosts: [{name: h1, cores: 8, memory: 64GiB}]", "t.yaml").hosts().get(0)
                .switchSupportsLacp()).isTrue();
    }
}
