package io.cellharness.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.ClusterSettings;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.OsType;
import io.cellharness.core.model.Overcommit;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.TimeSync;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.spec.SpecCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecValidatorTest {

    static VmSpec vm(String name, Size memory, int vcpus) {
        return new VmSpec(name, memory, vcpus, null, null, false, null, null, null, null, null, TimeSync.NTP, null, null);
    }

    static DiskSpec disk(DiskBus bus, int i) {
        return new DiskSpec(bus, StorageType.GLUE_RBD, "rbd/d" + i, Size.ofGiB(10));
    }

    static ValidationReport validate(VmSpec... vms) {
        return SpecValidator.validate(new ClusterSpec("t", null, List.of(), List.of(vms)));
    }

    @Test
    void theExampleClusterIsValid() throws Exception {
        ClusterSpec spec = SpecCodec.readCluster(Files.readString(Path.of("../examples/cluster.yaml")), "cluster.yaml");
        ValidationReport report = SpecValidator.validate(spec);
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).as("the example follows every recommendation").isEmpty();
    }

    @Test
    void fourLimitsBrokenAtOnceGiveFourErrorsWithIds() throws Exception {
        ClusterSpec spec = SpecCodec.readCluster(Files.readString(Path.of("../examples/limits-exceeded.yaml")), "x");
        ValidationReport report = SpecValidator.validate(spec);
        assertThat(report.errorIds()).containsExactly("L-02", "L-03", "L-04", "L-01");
        Problem memory = report.errors().get(3);
        assertThat(memory.path()).isEqualTo("vms[0].memory");
        assertThat(memory.value()).isEqualTo("17TiB");
        assertThat(memory.limit()).isEqualTo("16TiB");
        assertThat(report.errors().get(1).path()).isEqualTo("vms[0].nics");
        assertThat(report.errors().get(1).value()).isEqualTo("9");
    }

    @ParameterizedTest(name = "{0} vCPUs valid={1}")
    @CsvSource({"710,true", "711,false", "1,true", "0,false"})
    void vcpuBoundaryL02(int vcpus, boolean valid) {
        assertThat(validate(vm("a", Size.ofGiB(1), vcpus)).valid()).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0} NICs valid={1}")
    @CsvSource({"8,true", "9,false"})
    void nicBoundaryL03(int nics, boolean valid) {
        VmSpec vm = vm("a", Size.ofGiB(1), 1).withNics(IntStream.range(0, nics).mapToObj(i -> new VmNicSpec(null, null, null, null)).toList());
        assertThat(validate(vm).errorIds().contains("L-03")).isEqualTo(!valid);
    }

    @ParameterizedTest(name = "{1} x {0} valid={2}")
    @CsvSource({"ide,4,true", "ide,5,false", "virtio-blk,20,true", "virtio-blk,21,false", "virtio-scsi,21,false"})
    void diskBoundaryL04(String bus, int count, boolean valid) {
        DiskBus b = DiskBus.fromYaml(bus);
        VmSpec vm = vm("a", Size.ofGiB(1), 1).withDisks(IntStream.range(0, count).mapToObj(i -> disk(b, i)).toList());
        assertThat(validate(vm).valid()).isEqualTo(valid);
    }

    @Test
    void virtioBlkAndVirtioScsiCountTogether() {
        List<DiskSpec> disks = new ArrayList<>();
        IntStream.range(0, 11).forEach(i -> disks.add(disk(DiskBus.VIRTIO_BLK, i)));
        IntStream.range(11, 21).forEach(i -> disks.add(disk(DiskBus.VIRTIO_SCSI, i)));
        ValidationReport report = validate(vm("a", Size.ofGiB(1), 1).withDisks(disks));
        assertThat(report.errorIds()).containsExactly("L-04");
        assertThat(report.errors().get(0).value()).isEqualTo("21 virtio");
    }

    @Test
    void memoryBoundaryL01() {
        assertThat(validate(vm("a", Size.ofTiB(16), 1)).valid()).isTrue();
        assertThat(validate(vm("a", Size.ofTiB(16).plus(Size.ofMiB(1)), 1)).errorIds()).containsExactly("L-01");
    }

    @Test
    void ideOnMoreVcpusThanI440fxRunsIsAnError() {
        VmSpec vm = vm("a", Size.ofGiB(1), Limits.I440FX_MAX_VCPUS + 1).withDisks(List.of(disk(DiskBus.IDE, 0)));
        assertThat(validate(vm).errorIds()).containsExactly("L-04");
    }

    @Test
    void hostLimitsL06() {
        HostSpec ok = new HostSpec("h1", 4096, Size.ofTiB(16), null, null, null, null, null, null);
        HostSpec big = new HostSpec("h2", 4097, Size.ofTiB(17), null, null, null, null, null, null);
        ValidationReport report = SpecValidator.validate(new ClusterSpec("t", null, List.of(ok, big), List.of()));
        assertThat(report.errors()).extracting(Problem::id, Problem::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("L-06", "hosts[1].cores"),
                        org.assertj.core.groups.Tuple.tuple("L-06", "hosts[1].memory"));
    }

    @Test
    void placementsAreCheckedAgainstTheHostL05AndL07() {
        HostSpec host = new HostSpec("h1", 2, Size.ofGiB(8), null, null, null, null, null, null);
        VmSpec a = vm("a", Size.ofGiB(6), 8).withHost("h1");
        VmSpec b = vm("b", Size.ofGiB(4), 9).withHost("h1");
        ValidationReport report = SpecValidator.validate(new ClusterSpec("t", null, List.of(host), List.of(a, b)));
        assertThat(report.errorIds()).containsExactly("L-05", "L-07");
        assertThat(report.errors().get(1).message()).contains("memory: needs 4GiB, host h1 has 2GiB left of 8GiB");
        assertThat(report.warnings()).extracting(Problem::id).contains("L-07");
    }

    @Test
    void memoryOvercommitMustBeEnabledExplicitly() {
        HostSpec host = new HostSpec("h1", 8, Size.ofGiB(8), null, null, null, null, null, null);
        List<VmSpec> vms = List.of(vm("a", Size.ofGiB(6), 1).withHost("h1"), vm("b", Size.ofGiB(6), 1).withHost("h1"));
        ClusterSpec off = new ClusterSpec("t", null, List.of(host), vms);
        assertThat(SpecValidator.validate(off).errorIds()).containsExactly("L-07");
        ClusterSpec on = off.withSettings(new ClusterSettings(new Overcommit(1.5, 1.0), false));
        assertThat(SpecValidator.validate(on).valid()).isTrue();
    }

    @Test
    void duplicateExplicitMacsNameBothNicsM02() {
        VmSpec a = vm("a", Size.ofGiB(1), 1).withNics(List.of(new VmNicSpec("02:00:00:00:00:01", null, null, null)));
        VmSpec b = vm("b", Size.ofGiB(1), 1).withNics(List.of(new VmNicSpec(null, null, null, null),
                new VmNicSpec("02:00:00:00:00:01", null, null, null)));
        ValidationReport report = validate(a, b);
        assertThat(report.errorIds()).containsExactly("M-02");
        Problem p = report.errors().get(0);
        assertThat(p.path()).isEqualTo("vms[1].nics[1].mac");
        assertThat(p.message()).contains("vms[0].nics[0].mac").contains("(a)");
    }

    @Test
    void multicastAndMalformedMacsAreRefused() {
        VmSpec a = vm("a", Size.ofGiB(1), 1).withNics(List.of(new VmNicSpec("01:00:5e:00:00:01", null, null, null),
                new VmNicSpec("zz:00", null, null, null)));
        assertThat(validate(a).errorIds()).containsExactly("M-01", "M-01");
    }

    @Test
    void warningsAreSeparateFromErrors() {
        VmSpec win = new VmSpec("w", Size.ofGiB(4), 2, null, OsType.WINDOWS, false, false,
                List.of(disk(DiskBus.VIRTIO_BLK, 0), disk(DiskBus.IDE, 1)), null, null, null, null, null, null);
        ValidationReport report = validate(win);
        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).extracting(Problem::id).containsExactly("P-02", "P-03", "T-01");
        assertThat(report.warnings().get(1).message()).contains("virtio drivers and guest agent");
    }

    @Test
    void vlanOutsideTheUsableRangeN03() {
        VmSpec a = vm("a", Size.ofGiB(1), 1).withNics(List.of(new VmNicSpec(null, null, 4095, null)));
        assertThat(validate(a).errorIds()).containsExactly("N-03");
    }

    @Test
    void structuralProblemsAreReportedToo() {
        VmSpec a = vm("a", Size.ofGiB(1), 1).withHost("nowhere");
        ValidationReport report = validate(a, vm("a", Size.ofGiB(1), 1));
        assertThat(report.errors()).extracting(Problem::path).containsExactly("vms[0].host", "vms[1].name");
        assertThat(report.errorIds()).containsOnly(SpecValidator.STRUCTURE);
    }
}
