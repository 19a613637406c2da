package io.cellharness.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.HaSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.PassthroughSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageControllerSpec;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.storage.DiskSources;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageCheckTest {

    private static final String WWN_LUN = "/dev/disk/by-id/wwn-0x5000c500a1b2c3d4";

    private static HostSpec host(String name, String monitor) {
        return new HostSpec(name, 32, Size.ofGiB(256), null, null, null,
                monitor == null ? null : new StorageControllerSpec(monitor), null, null);
    }

    private static VmSpec vm(String name, String host, DiskSpec... disks) {
        return VmSpec.of(name, Size.ofGiB(4), 2).withHost(host).withDisks(List.of(disks));
    }

    private static VmSpec controller(String name, String host, List<String> scsiControllers, List<String> luns) {
        VmSpec base = vm(name, host);
        return new VmSpec(base.name(), base.memory(), base.vcpus(), null, null, false, null, null, null, null, null,
                null, host, new PassthroughSpec(scsiControllers, luns));
    }

    private static DiskSpec disk(StorageType type, String volume) {
        return new DiskSpec(null, type, volume, Size.ofGiB(20));
    }

    private static ClusterSpec cluster(List<HostSpec> hosts, VmSpec... vms) {
        return new ClusterSpec("c", null, hosts, List.of(vms));
    }

    private static final List<HostSpec> HCI = List.of(host("host-a", "host-a:6789"), host("host-b", "host-b:6789"));

    @Test
    void a_well_formed_hci_cluster_has_no_storage_problem() {
        ValidationReport report = StorageCheck.validate(cluster(HCI,
                controller("glue-a", "host-a", List.of("0000:3b:00.0"), List.of()),
                controller("glue-b", "host-b", List.of(), List.of(WWN_LUN)),
                vm("web-1", "host-a", disk(StorageType.GLUE_RBD, "rbd/web-1"),
                        disk(StorageType.LOCAL, "/var/lib/cell/images/web-1-scratch.raw"))));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void a_malformed_volume_is_an_s01_error_at_the_volume_with_the_expected_form() {
        ValidationReport report = StorageCheck.validate(cluster(HCI,
                vm("web-1", "host-a", disk(StorageType.GLUE_RBD, "rbd/web-1"), disk(StorageType.ISCSI, "target-1"))));

        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("S-01");
            assertThat(p.path()).isEqualTo("vms[0].disks[1].volume");
            assertThat(p.value()).isEqualTo("target-1");
            assertThat(p.message()).isEqualTo("no LUN after the target name; expected "
                    + DiskSources.expectedForm(StorageType.ISCSI));
        });
    }

    @Test
    void a_lun_passed_through_to_the_controller_cannot_be_a_vm_disk_too() {
        ValidationReport report = StorageCheck.validate(cluster(HCI,
                controller("glue-a", "host-a", List.of(), List.of(WWN_LUN)),
                vm("db-1", "host-a", disk(StorageType.LOCAL, WWN_LUN + "-part1"))));

        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("S-03");
            assertThat(p.path()).isEqualTo("vms[1].disks[0].volume");
            assertThat(p.message()).contains("vms[0].passthrough.luns[0] (glue-a)")
                    .contains("the hypervisor never manages those disks");
        });
    }

    @Test
    void the_same_lun_is_recognised_by_its_wwn_on_any_host_and_in_any_spelling() {
        ValidationReport report = StorageCheck.validate(cluster(HCI,
                controller("glue-a", "host-a", List.of(), List.of(WWN_LUN)),
                vm("db-1", "host-b", disk(StorageType.FC, "0x5000C500A1B2C3D4"))));

        assertThat(report.errorIds()).containsExactly("S-03");
        assertThat(report.errors().get(0).value()).isEqualTo("/dev/mapper/35000c500a1b2c3d4");
    }

    @Test
    void a_host_local_path_is_the_same_disk_only_on_the_same_host() {
        ClusterSpec sameHost = cluster(HCI, controller("glue-a", "host-a", List.of(), List.of("/dev/disk/by-id/ata-D1")),
                vm("db-1", "host-a", disk(StorageType.LOCAL, "/dev/disk/by-id/ata-D1")));
        ClusterSpec otherHost = cluster(HCI, controller("glue-a", "host-a", List.of(), List.of("/dev/disk/by-id/ata-D1")),
                vm("db-1", "host-b", disk(StorageType.LOCAL, "/dev/disk/by-id/ata-D1")));

        assertThat(StorageCheck.validate(sameHost).errorIds()).containsExactly("S-03");
        assertThat(StorageCheck.validate(otherHost).errors()).isEmpty();
    }

    @Test
    void a_device_goes_to_one_vm_only() {
        ValidationReport report = StorageCheck.validate(cluster(HCI,
                controller("glue-a", "host-a", List.of("0000:3b:00.0"), List.of(WWN_LUN)),
                controller("glue-a2", "host-a", List.of("0000:3B:00.0"), List.of()),
                controller("glue-b", "host-b", List.of("0000:3b:00.0"), List.of(WWN_LUN))));

        assertThat(report.errors()).extracting(Problem::path)
                .containsExactly("vms[1].passthrough.scsiControllers[0]", "vms[2].passthrough.luns[0]");
        assertThat(report.errors().get(0).message()).contains("already passed through by "
                + "vms[0].passthrough.scsiControllers[0] (glue-a)");
    }

    @Test
    void passthrough_entries_must_be_pci_addresses_and_device_paths_on_a_placed_vm() {
        ValidationReport report = StorageCheck.validate(cluster(HCI,
                controller("glue-a", "host-a", List.of("3b:00.0"), List.of("sdb")),
                controller("glue-x", null, List.of("0000:3b:00.0"), List.of())));

        assertThat(report.errors()).extracting(Problem::path).containsExactly(
                "vms[0].passthrough.scsiControllers[0]", "vms[0].passthrough.luns[0]", "vms[1].passthrough");
        assertThat(report.errorIds()).containsOnly("S-03");
    }

    @Test
    void an_unstable_kernel_name_for_a_lun_is_a_warning() {
        ValidationReport report = StorageCheck.validate(cluster(HCI,
                controller("glue-a", "host-a", List.of(), List.of("/dev/sdb"))));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("S-03");
            assertThat(p.message()).contains("use /dev/disk/by-id/<name>");
        });
    }

    @Test
    void a_local_block_device_on_a_host_that_passes_a_whole_controller_is_flagged() {
        ValidationReport report = StorageCheck.validate(cluster(HCI,
                controller("glue-a", "host-a", List.of("0000:3b:00.0"), List.of()),
                vm("db-1", "host-a", disk(StorageType.LOCAL, "/dev/disk/by-id/ata-DATA-2")),
                vm("db-2", "host-b", disk(StorageType.LOCAL, "/dev/disk/by-id/ata-DATA-2"))));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("vms[1].disks[0].volume");
            assertThat(p.message()).contains("only the host's OS disks are Cell-managed");
        });
    }

    @Test
    void a_monitor_must_be_host_and_port() {
        ValidationReport report = StorageCheck.validate(cluster(List.of(host("host-a", "host-a"),
                host("host-b", "10.0.0.2:6789"), host("host-c", "bad name:1"))));

        assertThat(report.errors()).extracting(Problem::path)
                .containsExactly("hosts[0].storageController.monitor", "hosts[2].storageController.monitor");
        assertThat(report.errorIds()).containsOnly("S-04");
    }

    @Test
    void a_controller_may_run_no_monitor_but_glue_disks_need_one_somewhere() {
        HostSpec plain = new HostSpec("host-c", 32, Size.ofGiB(256), null, null, null,
                StorageControllerSpec.withoutMonitor(), null, null);
        VmSpec web = vm("web-1", "host-c", disk(StorageType.GLUE_RBD, "rbd/web-1"));
        ValidationReport mixed = StorageCheck.validate(cluster(List.of(host("host-a", "host-a:6789"), plain), web));
        assertThat(mixed.errors()).isEmpty();
        assertThat(mixed.warnings()).isEmpty();

        ValidationReport none = StorageCheck.validate(cluster(List.of(plain), web));
        assertThat(none.errors()).isEmpty();
        assertThat(none.warnings()).extracting(Problem::id).containsExactly("S-04");
    }

    @Test
    void glue_disks_without_any_storage_controller_are_a_warning() {
        ValidationReport report = StorageCheck.validate(cluster(List.of(host("host-a", null)),
                vm("web-1", "host-a", disk(StorageType.GLUE_RBD, "rbd/web-1"))));

        assertThat(report.warnings()).extracting(Problem::id).containsExactly("S-04");
    }

    @Test
    void an_ha_vm_with_a_local_disk_is_a_warning_whatever_else_it_uses() {
        VmSpec ha = vm("web-1", "host-a", disk(StorageType.NFS, "nas:/e/web-1.raw"),
                disk(StorageType.LOCAL, "/var/lib/cell/images/web-1.raw")).withHa(new HaSpec(true, null));

        ValidationReport report = StorageCheck.validate(cluster(HCI, ha));

        assertThat(report.warnings()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("H-05");
            assertThat(p.path()).isEqualTo("vms[0].disks[1].storage");
        });
    }

    @Test
    void the_spec_validator_reports_storage_problems_with_the_others() {
        ClusterSpec spec = cluster(HCI, vm("web-1", "host-a", disk(StorageType.GLUE_RBD, "web-1")));

        assertThat(SpecValidator.validate(spec).errorIds()).containsExactly("S-01");
        assertThat(SpecValidator.validateVm(spec.vms().get(0)).errors()).extracting(Problem::path)
                .containsExactly("vm.disks[0].volume");
    }

    @Test
    void check_volumes_adds_one_error_per_bad_disk() {
        List<Problem> errors = new ArrayList<>();
        StorageCheck.checkVolumes(vm("web-1", null, disk(StorageType.SMB, "fs1/a.raw"),
                disk(StorageType.PURE, "xyz")), "vm", errors);

        assertThat(errors).extracting(Problem::path).containsExactly("vm.disks[0].volume", "vm.disks[1].volume");
    }

    @Test
    void identities_compare_wwns_globally_and_paths_per_host_without_partitions() {
        assertThat(StorageCheck.identity("h", "/dev/disk/by-id/wwn-0x5000C500A1B2C3D4-part2"))
                .isEqualTo("wwn 5000c500a1b2c3d4");
        assertThat(StorageCheck.identity("h", "/dev/disk/by-id/scsi-35000c500a1b2c3d4"))
                .isEqualTo("wwn 5000c500a1b2c3d4");
        assertThat(StorageCheck.identity("h", "/dev/sdb3")).isEqualTo("host h /dev/sdb");
        assertThat(StorageCheck.identity("h", "/dev/nvme0n1p2")).isEqualTo("host h /dev/nvme0n1");
    }
}
