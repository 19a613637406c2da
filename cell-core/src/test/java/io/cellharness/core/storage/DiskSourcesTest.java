package io.cellharness.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageType;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DiskSourcesTest {

    @ParameterizedTest // S-02
    @CsvSource({
        "LOCAL, /var/lib/cell/images/app.qcow2, qcow2",
        "NFS, nas1:/exports/vms/app.VMDK, vmdk",
        "SMB, //fs1/vms/app.vhdx, vhdx",
        "LOCAL, /var/lib/cell/images/app.vdi, vdi"
    })
    void aFileInAnImageFormatIsRefusedNamingTheFormat(StorageType storage, String volume, String format) {
        assertThatThrownBy(() -> DiskSources.parse("app disk 0", storage, volume))
                .isInstanceOf(InvalidVolumeException.class)
                .hasMessageContaining("a " + format + " image; S-02 gives every disk to the VM as RAW")
                .hasMessageContaining("qemu-img convert -O raw");
    }

    @ParameterizedTest // S-02: a raw file, a file without a suffix, a block device, and a suffix in a directory name
    @CsvSource({
        "LOCAL, /var/lib/cell/images/app.raw",
        "LOCAL, /var/lib/cell/images/app",
        "LOCAL, /dev/disk/by-id/wwn-0x600a0b80001234560000abcd12345678",
        "NFS, nas1:/exports/qcow2.d/app.img",
        "GLUE_RBD, rbd/app.qcow2"
    })
    void otherVolumesAreNotTakenForImages(StorageType storage, String volume) {
        assertThat(DiskSources.parse("app disk 0", storage, volume).format()).isEqualTo(DiskFormat.RAW);
    }

    private static DiskSource parse(StorageType type, String volume) {
        return DiskSources.parse("web-1 disk 0", type, volume);
    }

    /** One valid volume of every type, so S-01 and S-02 hold for all of them. */
    private static String example(StorageType type) {
        return switch (type) {
            case ISCSI -> "iqn.2004-04.com.example:storage/1";
            case NVME_OF -> "nqn.2014-08.com.example:array1/eui.0025385b71b0a1c2";
            case NFS -> "nas1:/exports/vms/web-1.raw";
            case SMB -> "//fs1/vms/web-1.raw";
            case FC -> "5000c500a1b2c3d4";
            case POWERFLEX -> "1a2b3c4d5e6f7081-9a8b7c6d00000001";
            case PRIMERA -> "60002ac0000000000000000000012345";
            case PURE -> "624a93701234567890abcdef00011234";
            case LINSTOR -> "web-1-root";
            case GLUE_RBD -> "rbd/web-1-root";
            case LOCAL -> "/var/lib/cell/images/web-1.raw";
        };
    }

    @ParameterizedTest
    @EnumSource(StorageType.class)
    void every_supported_type_describes_a_raw_disk(StorageType type) {
        DiskSource source = parse(type, example(type));

        assertThat(source.storage()).isEqualTo(type);
        assertThat(source.format()).isEqualTo(DiskFormat.RAW);
        assertThat(source.describe()).startsWith(type.yamlName() + ":").endsWith("format raw");
        assertThat(source.shared()).isEqualTo(type != StorageType.LOCAL);
    }

    @Test
    void raw_is_the_only_format_there_is() {
        assertThat(DiskFormat.values()).containsExactly(DiskFormat.RAW);
        assertThat(DiskFormat.RAW.formatName()).isEqualTo("raw");
    }

    @ParameterizedTest
    @EnumSource(StorageType.class)
    void every_type_refuses_an_empty_volume_naming_the_disk_and_the_form(StorageType type) {
        assertThatThrownBy(() -> parse(type, ""))
                .isInstanceOf(InvalidVolumeException.class)
                .hasMessageStartingWith("disk web-1 disk 0: '' is not a valid " + type.yamlName() + " volume")
                .hasMessageContaining("expected " + DiskSources.expectedForm(type))
                .hasMessageNotContaining("\n");
    }

    @Test
    void the_disk_goes_through_of_with_its_own_fields() {
        DiskSpec disk = new DiskSpec(null, StorageType.GLUE_RBD, "volumes/db-1", Size.ofGiB(10));
        assertThat(DiskSources.of("db-1 disk 0", disk))
                .isEqualTo(new DiskSource.Network(StorageType.GLUE_RBD, NetworkProtocol.RBD, "volumes/db-1", List.of()));
    }

    @Test
    void blanks_and_control_characters_are_refused() {
        assertThatThrownBy(() -> parse(StorageType.GLUE_RBD, " rbd/a")).hasMessageContaining("leading or trailing blanks");
        assertThatThrownBy(() -> parse(StorageType.GLUE_RBD, "rbd/a\tb")).hasMessageContaining("control character");
    }

    @Nested
    class Iscsi {
        @Test
        void an_iqn_with_lun_is_a_network_disk_whose_portal_the_host_knows() {
            assertThat(parse(StorageType.ISCSI, "iqn.2004-04.com.example:storage/1")).isEqualTo(
                    new DiskSource.Network(StorageType.ISCSI, NetworkProtocol.ISCSI, "iqn.2004-04.com.example:storage/1",
                            List.of()));
        }

        @Test
        void a_portal_before_the_iqn_becomes_the_host_with_the_default_port() {
            DiskSource.Network source = (DiskSource.Network) parse(StorageType.ISCSI,
                    "10.0.0.5/iqn.2004-04.com.example:storage/0");
            assertThat(source.hosts()).containsExactly(new HostAddress("10.0.0.5", Limits.ISCSI_DEFAULT_PORT));
            assertThat(source.name()).isEqualTo("iqn.2004-04.com.example:storage/0");
        }

        @Test
        void a_portal_may_name_its_port_and_be_ipv6() {
            DiskSource.Network source = (DiskSource.Network) parse(StorageType.ISCSI,
                    "[fd00::5]:3261/iqn.2004-04.com.example/7");
            assertThat(source.hosts()).containsExactly(new HostAddress("fd00::5", 3261));
        }

        @Test
        void an_eui_name_is_an_iscsi_name_too() {
            assertThat(parse(StorageType.ISCSI, "eui.02004567a425678d/3")).isInstanceOf(DiskSource.Network.class);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "iqn.2004-04.com.example:storage|no LUN after the target name",
                "iqn.2004-04.com.example:storage/x|LUN 'x' is not a number from 0 to 16383",
                "iqn.2004-04.com.example:storage/16384|LUN '16384' is not a number from 0 to 16383",
                "iqn.2004-13.com.example:storage/1|is not an iSCSI name",
                "iqn.04-04.com.example:storage/1|is not an iSCSI name",
                "storage.example.com:target/1|is not an iSCSI name",
                "bad portal!/iqn.2004-04.com.example:s/1|'bad portal!' is not a portal address",
                "10.0.0.5:99999/iqn.2004-04.com.example:s/1|is not a portal address"})
        void malformed_volumes_say_what_is_wrong(String volume, String reason) {
            assertThatThrownBy(() -> parse(StorageType.ISCSI, volume))
                    .isInstanceOf(InvalidVolumeException.class)
                    .hasMessageContaining(reason)
                    .hasMessageContaining("expected [portal[:port]/]iqn.YYYY-MM.reverse.domain[:target]/LUN");
        }

        @Test
        void a_name_longer_than_the_iscsi_maximum_is_refused() {
            String name = "iqn.2004-04.com.example:" + "a".repeat(Limits.ISCSI_NAME_MAX_BYTES);
            assertThatThrownBy(() -> parse(StorageType.ISCSI, name + "/1")).hasMessageContaining("at most 223");
        }
    }

    @Nested
    class NvmeOverFabrics {
        @Test
        void an_nqn_with_namespace_is_a_block_device_after_nvme_connect() {
            DiskSource source = parse(StorageType.NVME_OF, "10.0.0.9/nqn.2014-08.com.example:array1/eui.0025385B71B0A1C2");
            assertThat(source).isEqualTo(new DiskSource.BlockDevice(StorageType.NVME_OF,
                    "/dev/disk/by-id/nvme-eui.0025385b71b0a1c2",
                    new HostAttachment.NvmeConnect("nqn.2014-08.com.example:array1",
                            List.of(new HostAddress("10.0.0.9", Limits.NVME_TCP_DEFAULT_PORT)))));
        }

        @Test
        void a_uuid_namespace_and_a_uuid_nqn_are_accepted() {
            DiskSource.BlockDevice source = (DiskSource.BlockDevice) parse(StorageType.NVME_OF,
                    "nqn.2014-08.org.nvmexpress:uuid:7d5e2a10-3f4b-4c8d-9e1f-0a1b2c3d4e5f"
                            + "/uuid.11111111-2222-3333-4444-555555555555");
            assertThat(source.devicePath()).isEqualTo("/dev/disk/by-id/nvme-uuid.11111111-2222-3333-4444-555555555555");
        }

        @Test
        void a_by_id_path_of_an_already_connected_namespace_is_accepted() {
            DiskSource source = parse(StorageType.NVME_OF, "/dev/disk/by-id/nvme-eui.0025385b71b0a1c2");
            assertThat(source).isEqualTo(new DiskSource.BlockDevice(StorageType.NVME_OF,
                    "/dev/disk/by-id/nvme-eui.0025385b71b0a1c2", new HostAttachment.Mapped(HostDriver.NVME_MULTIPATH)));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "nqn.2014-08.com.example:array1|no namespace",
                "nqn.2014-08.com.example:array1/1|'1' is not a namespace identifier",
                "iqn.2004-04.com.example:a/eui.0025385b71b0a1c2|is not a subsystem NQN",
                "nqn.2014-08.com.example/eui.0025385b71b0a1c2|is not a subsystem NQN",
                "/dev/disk/by-id/wwn-0x5000c500a1b2c3d4|starts with nvme-",
                "/dev/nvme0n1|must be under /dev/disk/by-id/"})
        void malformed_volumes_say_what_is_wrong(String volume, String reason) {
            assertThatThrownBy(() -> parse(StorageType.NVME_OF, volume))
                    .isInstanceOf(InvalidVolumeException.class)
                    .hasMessageContaining(reason);
        }
    }

    @Nested
    class Nfs {
        @Test
        void server_and_export_path_become_an_nfs_network_disk() {
            assertThat(parse(StorageType.NFS, "nas1:/exports/vms/web-1.raw")).isEqualTo(new DiskSource.Network(
                    StorageType.NFS, NetworkProtocol.NFS, "/exports/vms/web-1.raw",
                    List.of(new HostAddress("nas1", Limits.NFS_DEFAULT_PORT))));
        }

        @Test
        void an_ipv6_server_is_bracketed() {
            DiskSource.Network source = (DiskSource.Network) parse(StorageType.NFS, "[fd00::7]:/exports/a.raw");
            assertThat(source.hosts()).containsExactly(new HostAddress("fd00::7", Limits.NFS_DEFAULT_PORT));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "nas1/exports/a.raw|no ':' between server and export path",
                "nas1:exports/a.raw|is not absolute",
                "nas1:/exports|names an export but no file",
                "nas1:/exports/vms/|names a directory",
                "nas1:/exports/../etc/a.raw|'..' segment",
                "300.1.1.1:/exports/a.raw|'300.1.1.1' is not a server name"})
        void malformed_volumes_say_what_is_wrong(String volume, String reason) {
            assertThatThrownBy(() -> parse(StorageType.NFS, volume)).hasMessageContaining(reason);
        }
    }

    @Nested
    class Smb {
        @Test
        void a_unc_path_becomes_a_file_on_the_mounted_share() {
            assertThat(parse(StorageType.SMB, "//fs1/vms/web/web-1.raw")).isEqualTo(new DiskSource.ImageFile(
                    StorageType.SMB, "//fs1/vms", DiskSources.SHARE_MOUNT_ROOT + "/fs1/vms/web/web-1.raw"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "fs1/vms/a.raw|does not start with //",
                "//fs1/vms|needs a server, a share and a file",
                "//fs1/vms/|names a directory",
                "//fs1/v*s/a.raw|'v*s' is not a share name"})
        void malformed_volumes_say_what_is_wrong(String volume, String reason) {
            assertThatThrownBy(() -> parse(StorageType.SMB, volume)).hasMessageContaining(reason);
        }

        @Test
        void backslashes_get_a_hint() {
            assertThatThrownBy(() -> parse(StorageType.SMB, "\\\\fs1\\vms\\a.raw"))
                    .hasMessageContaining("write the share with '/'");
        }
    }

    @Nested
    class SanLuns {
        @ParameterizedTest
        @EnumSource(value = StorageType.class, names = {"FC", "PRIMERA", "PURE"})
        void a_wwn_is_the_multipath_map_of_that_lun(StorageType type) {
            assertThat(parse(type, "0x600A0B80001234560000ABCD12345678")).isEqualTo(new DiskSource.BlockDevice(type,
                    "/dev/mapper/3600a0b80001234560000abcd12345678", new HostAttachment.Mapped(HostDriver.MULTIPATH)));
        }

        @ParameterizedTest
        @EnumSource(value = StorageType.class, names = {"FC", "PRIMERA", "PURE"})
        void a_by_id_path_is_taken_as_is(StorageType type) {
            assertThat(((DiskSource.BlockDevice) parse(type, "/dev/disk/by-id/dm-uuid-mpath-3600a0b8000123456"))
                    .devicePath()).isEqualTo("/dev/disk/by-id/dm-uuid-mpath-3600a0b8000123456");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "5000c500a1b2c3d|not a WWN of 16 or 32 hex digits",
                "5000c500a1b2c3dz|not a WWN",
                "/dev/sdb|must be under /dev/disk/by-id/",
                "/dev/disk/by-id/|'' is not a device name",
                "/dev/disk/by-id/../sda|is not a device name"})
        void malformed_volumes_say_what_is_wrong(String volume, String reason) {
            assertThatThrownBy(() -> parse(StorageType.FC, volume)).hasMessageContaining(reason);
        }
    }

    @Nested
    class PowerFlex {
        @Test
        void system_and_volume_id_are_the_sdc_device() {
            assertThat(parse(StorageType.POWERFLEX, "1A2B3C4D5E6F7081-9a8b7c6d00000001")).isEqualTo(
                    new DiskSource.BlockDevice(StorageType.POWERFLEX,
                            "/dev/disk/by-id/emc-vol-1a2b3c4d5e6f7081-9a8b7c6d00000001",
                            new HostAttachment.Mapped(HostDriver.POWERFLEX_SDC)));
        }

        @Test
        void a_wwn_is_not_a_powerflex_volume() {
            assertThatThrownBy(() -> parse(StorageType.POWERFLEX, "5000c500a1b2c3d4"))
                    .hasMessageContaining("not <systemId>-<volumeId>");
        }
    }

    @Nested
    class Linstor {
        @Test
        void a_resource_is_its_drbd_device_volume_zero_by_default() {
            assertThat(parse(StorageType.LINSTOR, "web-1-root")).isEqualTo(new DiskSource.BlockDevice(
                    StorageType.LINSTOR, "/dev/drbd/by-res/web-1-root/0", new HostAttachment.Mapped(HostDriver.DRBD)));
            assertThat(((DiskSource.BlockDevice) parse(StorageType.LINSTOR, "web-1-data/2")).devicePath())
                    .isEqualTo("/dev/drbd/by-res/web-1-data/2");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "1web|'1web' is not a resource name",
                "web.root|is not a resource name",
                "web/x|volume number 'x' is not a number"})
        void malformed_volumes_say_what_is_wrong(String volume, String reason) {
            assertThatThrownBy(() -> parse(StorageType.LINSTOR, volume)).hasMessageContaining(reason);
        }

        @Test
        void a_resource_name_longer_than_linstor_allows_is_refused() {
            assertThatThrownBy(() -> parse(StorageType.LINSTOR, "r".repeat(Limits.LINSTOR_NAME_MAX_LENGTH + 1)))
                    .hasMessageContaining("longer than 48");
            assertThat(parse(StorageType.LINSTOR, "r".repeat(Limits.LINSTOR_NAME_MAX_LENGTH))).isNotNull();
        }
    }

    @Nested
    class GlueRbd {
        @Test
        void pool_and_image_are_an_rbd_network_disk_whose_monitor_is_chosen_at_run_time() {
            DiskSource.Network source = (DiskSource.Network) parse(StorageType.GLUE_RBD, "rbd/web-1-root");
            assertThat(source.protocol()).isEqualTo(NetworkProtocol.RBD);
            assertThat(source.name()).isEqualTo("rbd/web-1-root");
            assertThat(source.hosts()).isEmpty();
            assertThat(source.withHosts(List.of(new HostAddress("host-a", 6789))).describe())
                    .isEqualTo("glue-rbd: network rbd rbd/web-1-root via [host-a:6789], format raw");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "web-1-root|no pool before the image name",
                "rbd/ns/web-1|more than one '/'",
                "rbd/web-1@snap1|names a snapshot, which is read-only",
                "rbd/.hidden|'.hidden' is not a pool or image name",
                "/web-1|'' is not a pool or image name"})
        void malformed_volumes_say_what_is_wrong(String volume, String reason) {
            assertThatThrownBy(() -> parse(StorageType.GLUE_RBD, volume)).hasMessageContaining(reason);
        }
    }

    @Nested
    class Local {
        @Test
        void a_path_under_dev_is_a_host_block_device_and_any_other_a_file() {
            assertThat(parse(StorageType.LOCAL, "/dev/disk/by-id/ata-OS_DISK-part3")).isEqualTo(
                    new DiskSource.BlockDevice(StorageType.LOCAL, "/dev/disk/by-id/ata-OS_DISK-part3",
                            new HostAttachment.Mapped(HostDriver.HOST_DISK)));
            assertThat(parse(StorageType.LOCAL, "/var/lib/cell/images/web-1.raw")).isEqualTo(
                    new DiskSource.ImageFile(StorageType.LOCAL, "", "/var/lib/cell/images/web-1.raw"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "images/web-1.raw|is not absolute",
                "/var/lib/cell//web-1.raw|empty, '.' or '..' segment",
                "/|names a directory"})
        void malformed_volumes_say_what_is_wrong(String volume, String reason) {
            assertThatThrownBy(() -> parse(StorageType.LOCAL, volume)).hasMessageContaining(reason);
        }
    }

    @Test
    void the_exception_keeps_its_parts_for_callers() {
        InvalidVolumeException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidVolumeException.class,
                () -> parse(StorageType.GLUE_RBD, "web-1"));
        assertThat(e.disk()).isEqualTo("web-1 disk 0");
        assertThat(e.storage()).isEqualTo(StorageType.GLUE_RBD);
        assertThat(e.volume()).isEqualTo("web-1");
        assertThat(e.reason()).isEqualTo("no pool before the image name");
        assertThat(e.reasonAndExpectedForm()).isEqualTo("no pool before the image name; expected pool/image, e.g. "
                + "rbd/web-1-root");
    }
}
