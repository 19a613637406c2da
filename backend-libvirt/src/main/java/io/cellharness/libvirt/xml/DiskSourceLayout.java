package io.cellharness.libvirt.xml;

import io.cellharness.core.model.StorageType;
import java.util.List;
import java.util.Optional;

/**
 * Where each storage type of S-01 appears on a host, so that a disk described by storage type and volume
 * becomes a libvirt disk source, always used as RAW (S-02):
 *
 * <ul>
 *   <li>Glue (Ceph RBD): a network disk, {@code protocol='rbd'}, volume {@code pool/image}, the monitors in path
 *       order (S-04, S-05);</li>
 *   <li>iSCSI: a network disk, {@code protocol='iscsi'}, volume {@code iqn.../lun}, through the given portal;</li>
 *   <li>NFS and SMB: a file on the share the host mounted under {@link #NETWORK_MOUNT_ROOT}{@code /nfs} or
 *       {@code /smb} (QEMU has no SMB client, and the NFS share is mounted for every VM of the host anyway);</li>
 *   <li>NVMe-oF, FC, PowerFlex, Primera, Pure, Linstor and the host's local disks: a block device by a stable path
 *       ({@code /dev/disk/by-id/...}, {@code /dev/drbd/by-res/...}, or {@code /dev/<vg>/<lv>} for local).</li>
 * </ul>
 */
public final class DiskSourceLayout {

    /** Where the host mounts NFS and SMB shares. */
    public static final String NETWORK_MOUNT_ROOT = "/var/lib/cell/mnt";

    /** How a disk's source is written in the domain definition. */
    public enum SourceKind {
        RBD,
        ISCSI,
        FILE,
        BLOCK
    }

    /** Block path prefixes, most specific first so that inference never matches a shorter prefix too early. */
    private static final List<StorageType> BLOCK_INFERENCE_ORDER = List.of(StorageType.NVME_OF, StorageType.POWERFLEX,
            StorageType.FC, StorageType.PRIMERA, StorageType.PURE, StorageType.LINSTOR, StorageType.LOCAL);

    private DiskSourceLayout() {
    }

    public static SourceKind kind(StorageType type) {
        return switch (type) {
            case GLUE_RBD -> SourceKind.RBD;
            case ISCSI -> SourceKind.ISCSI;
            case NFS, SMB -> SourceKind.FILE;
            case NVME_OF, FC, POWERFLEX, PRIMERA, PURE, LINSTOR, LOCAL -> SourceKind.BLOCK;
        };
    }

    /** The host path of a file or block disk; the network kinds have none. */
    public static String path(StorageType type, String volume) {
        return prefix(type) + volume + suffix(type);
    }

    /**
     * The volume of a file or block path of {@code type}, or empty if the path is not where that type's volumes are.
     */
    public static Optional<String> volume(StorageType type, String path) {
        String prefix = prefix(type);
        String suffix = suffix(type);
        if (path == null || !path.startsWith(prefix) || !path.endsWith(suffix)
                || path.length() <= prefix.length() + suffix.length()) {
            return Optional.empty();
        }
        return Optional.of(path.substring(prefix.length(), path.length() - suffix.length()));
    }

    /**
     * The storage type a block or file path belongs to when the definition does not say (a domain defined by other
     * tools). Multipath devices of FC, Primera and Pure look alike; they read as FC.
     */
    public static Optional<StorageType> infer(SourceKind kind, String path) {
        List<StorageType> candidates = kind == SourceKind.FILE ? List.of(StorageType.NFS, StorageType.SMB)
                : BLOCK_INFERENCE_ORDER;
        for (StorageType t : candidates) {
            if (volume(t, path).isPresent()) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static String prefix(StorageType type) {
        return switch (type) {
            case NFS -> NETWORK_MOUNT_ROOT + "/nfs/";
            case SMB -> NETWORK_MOUNT_ROOT + "/smb/";
            case NVME_OF -> "/dev/disk/by-id/nvme-";
            case FC, PRIMERA, PURE -> "/dev/disk/by-id/dm-uuid-mpath-";
            case POWERFLEX -> "/dev/disk/by-id/emc-vol-";
            case LINSTOR -> "/dev/drbd/by-res/";
            case LOCAL -> "/dev/";
            case GLUE_RBD, ISCSI -> throw new IllegalArgumentException(type.label() + " disks are network disks, not paths");
        };
    }

    private static String suffix(StorageType type) {
        // DRBD exposes volume 0 of a Linstor resource; Cell creates one volume per resource.
        return type == StorageType.LINSTOR ? "/0" : "";
    }
}
