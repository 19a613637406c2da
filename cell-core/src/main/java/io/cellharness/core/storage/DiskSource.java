package io.cellharness.core.storage;

import io.cellharness.core.model.StorageType;
import java.util.List;

/**
 * Where a VM disk's data lives and how the host reaches it, derived from the disk's storage type and volume by
 * {@link DiskSources}. The three forms match the three ways a hypervisor opens a disk: over the network by QEMU
 * itself, as a block device the host has attached, or as an image file on a filesystem the host has mounted.
 *
 * <p>S-02: whatever the form, the disk reaches the guest as a RAW block device; {@link #format()} is always
 * {@link DiskFormat#RAW} and no other format can be described.
 */
public sealed interface DiskSource {

    /** The storage type the disk was declared with (S-01). */
    StorageType storage();

    /** S-02: always RAW. */
    default DiskFormat format() {
        return DiskFormat.RAW;
    }

    /**
     * Whether every host of the cluster reaches the same volume, so a VM can be restarted elsewhere (H-05: the same
     * HA whatever the storage type; only a host-local disk ties a VM to its host).
     */
    default boolean shared() {
        return storage().shared();
    }

    /** One line for traces and messages, e.g. {@code glue-rbd: network rbd volumes/web-1, format raw}. */
    String describe();

    /**
     * A volume QEMU opens over the network itself.
     *
     * @param storage  iSCSI, NFS or Glue RBD
     * @param protocol the network protocol
     * @param name     the volume within the server: {@code iqn…/LUN}, {@code /export/path/file}, {@code pool/image}
     * @param hosts    the servers to contact, in order; empty means the host's own configuration decides (iSCSI: the
     *                 portal its discovery recorded; Glue RBD: the monitor {@link MonitorPathSelector} chooses, S-04)
     */
    record Network(StorageType storage, NetworkProtocol protocol, String name, List<HostAddress> hosts)
            implements DiskSource {
        public Network {
            hosts = List.copyOf(hosts);
        }

        /** The same volume reached through {@code newHosts}, e.g. the Glue monitor currently selected. */
        public Network withHosts(List<HostAddress> newHosts) {
            return new Network(storage, protocol, name, newHosts);
        }

        @Override
        public String describe() {
            return storage + ": network " + protocol + " " + name + (hosts.isEmpty() ? "" : " via " + hosts)
                    + ", format " + format();
        }
    }

    /**
     * A block device the host attaches: a SAN LUN, a software-defined volume, an NVMe-oF namespace or a host disk.
     *
     * @param storage    the storage type
     * @param devicePath the device's stable path on the host, e.g. {@code /dev/disk/by-id/wwn-0x5000c500a1b2c3d4}
     * @param attachment what the host does before the device exists
     */
    record BlockDevice(StorageType storage, String devicePath, HostAttachment attachment) implements DiskSource {
        @Override
        public String describe() {
            return storage + ": block " + devicePath + " (" + attachment + "), format " + format();
        }
    }

    /**
     * A raw image file on a filesystem of the host: an SMB share the host mounts, or the host's OS area.
     *
     * @param storage SMB or local
     * @param share   the share the host mounts ({@code //server/share}); empty for a file on the host's own disk
     * @param file    the file's absolute path on the host
     */
    record ImageFile(StorageType storage, String share, String file) implements DiskSource {
        @Override
        public String describe() {
            return storage + ": file " + file + (share.isEmpty() ? "" : " on share " + share) + ", format " + format();
        }
    }
}
