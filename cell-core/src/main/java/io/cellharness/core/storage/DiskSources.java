package io.cellharness.core.storage;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.StorageType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S-01, S-02: reads a disk's volume string according to its storage type and describes where the disk lives. Every
 * supported type has one documented volume form ({@link #expectedForm}); anything else is refused with an
 * {@link InvalidVolumeException} that names the disk and the expected form.
 *
 * <table>
 *   <caption>Storage types and the sources they become</caption>
 *   <tr><th>type</th><th>volume</th><th>source</th></tr>
 *   <tr><td>iscsi</td><td>{@code [portal[:port]/]iqn.2004-04.com.example:storage/1}</td>
 *       <td>network, protocol iscsi</td></tr>
 *   <tr><td>nvme-of</td><td>{@code [portal[:port]/]nqn…:subsystem/eui.<hex>} or a by-id path</td>
 *       <td>block device after {@code nvme connect}</td></tr>
 *   <tr><td>nfs</td><td>{@code server:/export/path/file}</td><td>network, protocol nfs</td></tr>
 *   <tr><td>smb</td><td>{@code //server/share/path/file}</td><td>image file on the mounted share</td></tr>
 *   <tr><td>fc, primera, pure</td><td>WWN or {@code /dev/disk/by-id/…}</td><td>multipath block device</td></tr>
 *   <tr><td>powerflex</td><td>{@code systemId-volumeId} or {@code /dev/disk/by-id/…}</td>
 *       <td>SDC block device</td></tr>
 *   <tr><td>linstor</td><td>{@code resource[/volume]}</td><td>DRBD block device</td></tr>
 *   <tr><td>glue-rbd</td><td>{@code pool/image}</td><td>network, protocol rbd</td></tr>
 *   <tr><td>local</td><td>an absolute host path</td><td>image file, or block device under {@code /dev}</td></tr>
 * </table>
 */
public final class DiskSources {

    /** Where a host mounts the SMB shares its VM disks live on: {@code <root>/<server>/<share>}. */
    public static final String SHARE_MOUNT_ROOT = "/var/lib/cell/mnt/smb";
    /** The directory of stable block device names on a Linux host. */
    public static final String BY_ID = "/dev/disk/by-id/";

    private static final String DOMAIN_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final String REVERSE_DOMAIN = DOMAIN_LABEL + "(?:\\." + DOMAIN_LABEL + ")*";
    private static final String DATE = "\\d{4}-(?:0[1-9]|1[0-2])";
    private static final Pattern IQN = Pattern.compile(
            "iqn\\." + DATE + "\\." + REVERSE_DOMAIN + "(?::[A-Za-z0-9.:-]+)?");
    private static final Pattern ISCSI_EUI = Pattern.compile("eui\\.[0-9A-Fa-f]{16}");
    private static final Pattern NQN = Pattern.compile("nqn\\." + DATE + "\\." + REVERSE_DOMAIN + ":[^\\s/]+");
    private static final Pattern NVME_NAMESPACE = Pattern.compile(
            "eui\\.(?:[0-9A-Fa-f]{16}|[0-9A-Fa-f]{32})"
                    + "|uuid\\.[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
    private static final Pattern WWN = Pattern.compile("(?:0x)?([0-9A-Fa-f]{16}|[0-9A-Fa-f]{32})");
    private static final Pattern POWERFLEX_ID = Pattern.compile("([0-9A-Fa-f]{16})-([0-9A-Fa-f]{16})");
    private static final Pattern BY_ID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:+@-]*");
    private static final Pattern LINSTOR_RESOURCE = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Pattern GLUE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    private static final Pattern SMB_SHARE = Pattern.compile("[^\\\\/:*?\"<>|\\p{Cntrl}]+");

    private DiskSources() {
    }

    /**
     * The source of {@code disk}.
     *
     * @param diskName how messages name the disk, e.g. {@code web-1 disk 0}
     * @throws InvalidVolumeException when the volume does not have its storage type's form
     */
    public static DiskSource of(String diskName, DiskSpec disk) {
        return parse(diskName, disk.storage(), disk.volume());
    }

    /**
     * Reads {@code volume} as a volume of {@code storage}.
     *
     * @param diskName how messages name the disk, e.g. {@code web-1 disk 0}
     * @throws InvalidVolumeException when the volume does not have its storage type's form
     */
    public static DiskSource parse(String diskName, StorageType storage, String volume) {
        if (storage == null) {
            throw new IllegalArgumentException("disk " + diskName + ": no storage type; S-01 names the supported ones");
        }
        Reader r = new Reader(diskName, storage, volume);
        if (volume == null || volume.isEmpty()) {
            throw r.invalid("no volume given");
        }
        if (!volume.strip().equals(volume)) {
            throw r.invalid("leading or trailing blanks");
        }
        for (int i = 0; i < volume.length(); i++) {
            if (Character.isISOControl(volume.charAt(i))) {
                throw r.invalid("a control character at position " + i);
            }
        }
        if (storage == StorageType.NFS || storage == StorageType.SMB || storage == StorageType.LOCAL) {
            // S-02: a file handed to the guest as RAW must be a raw image; an image container would reach the guest
            // as its own header and metadata, so a file named for another format is refused rather than guessed at.
            imageFormat(volume).ifPresent(format -> {
                throw r.invalid("a " + format + " image; S-02 gives every disk to the VM as RAW, so convert it first "
                        + "(qemu-img convert -O raw)");
            });
        }
        return switch (storage) {
            case ISCSI -> r.iscsi();
            case NVME_OF -> r.nvmeOf();
            case NFS -> r.nfs();
            case SMB -> r.smb();
            case FC, PRIMERA, PURE -> r.sanLun();
            case POWERFLEX -> r.powerFlex();
            case LINSTOR -> r.linstor();
            case GLUE_RBD -> r.glueRbd();
            case LOCAL -> r.local();
        };
    }

    /** Image container formats QEMU reads, by file name suffix: never RAW, so never a disk here (S-02). */
    private static final List<String> IMAGE_FORMATS = List.of("qcow2", "qcow", "qed", "vmdk", "vdi", "vhd", "vhdx",
            "vpc", "dmg");

    /** The image format {@code volume}'s file name says it holds, if it names one other than raw. */
    static Optional<String> imageFormat(String volume) {
        int slash = Math.max(volume.lastIndexOf('/'), volume.lastIndexOf('\\'));
        String file = volume.substring(slash + 1);
        int dot = file.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String suffix = file.substring(dot + 1).toLowerCase(Locale.ROOT);
        return IMAGE_FORMATS.contains(suffix) ? Optional.of(suffix) : Optional.empty();
    }

    /** The volume form {@code storage} accepts, with an example, for messages and documentation. */
    public static String expectedForm(StorageType storage) {
        return switch (storage) {
            case ISCSI -> "[portal[:port]/]iqn.YYYY-MM.reverse.domain[:target]/LUN, e.g. "
                    + "iqn.2004-04.com.example:storage/1";
            case NVME_OF -> "[portal[:port]/]nqn.YYYY-MM.reverse.domain:subsystem/eui.<hex>|uuid.<uuid>, e.g. "
                    + "nqn.2014-08.com.example:array1/eui.0025385b71b0a1c2, or " + BY_ID + "nvme-<id>";
            case NFS -> "server:/export/path/file, e.g. nas1:/exports/vms/web-1.raw";
            case SMB -> "//server/share/path/file, e.g. //fs1/vms/web-1.raw";
            case FC, PRIMERA, PURE -> "the LUN's WWN (16 or 32 hex digits, optionally after 0x), e.g. "
                    + "600a0b80001234560000abcd12345678, or " + BY_ID + "<name>";
            case POWERFLEX -> "<systemId>-<volumeId> (16 hex digits each), e.g. 1a2b3c4d5e6f7081-9a8b7c6d00000001, or "
                    + BY_ID + "<name>";
            case LINSTOR -> "resource[/volumeNumber], up to " + Limits.LINSTOR_NAME_MAX_LENGTH
                    + " letters, digits, '_' or '-', e.g. web-1-root or web-1-root/0";
            case GLUE_RBD -> "pool/image, e.g. rbd/web-1-root";
            case LOCAL -> "an absolute path on the host, e.g. /var/lib/cell/images/web-1.raw or " + BY_ID + "<name>";
        };
    }

    /** One volume being read; every refusal goes through {@link #invalid}. */
    private static final class Reader {
        private final String disk;
        private final StorageType storage;
        private final String volume;

        Reader(String disk, StorageType storage, String volume) {
            this.disk = disk;
            this.storage = storage;
            this.volume = volume;
        }

        InvalidVolumeException invalid(String reason) {
            return new InvalidVolumeException(disk, storage, volume, reason);
        }

        DiskSource iscsi() {
            int lunAt = volume.lastIndexOf('/');
            if (lunAt < 0) {
                throw invalid("no LUN after the target name");
            }
            int lun = number(volume.substring(lunAt + 1), Limits.ISCSI_MAX_LUN, "LUN");
            String rest = volume.substring(0, lunAt);
            List<HostAddress> portals = new ArrayList<>(1);
            String target = rest;
            int slash = rest.indexOf('/');
            if (slash >= 0) {
                portals.add(portal(rest.substring(0, slash), Limits.ISCSI_DEFAULT_PORT));
                target = rest.substring(slash + 1);
            }
            if (!IQN.matcher(target).matches() && !ISCSI_EUI.matcher(target).matches()) {
                throw invalid("'" + target + "' is not an iSCSI name (iqn.YYYY-MM.reverse.domain[:target] or "
                        + "eui.<16 hex digits>)");
            }
            maxBytes(target, Limits.ISCSI_NAME_MAX_BYTES, "iSCSI name");
            return new DiskSource.Network(storage, NetworkProtocol.ISCSI, target + "/" + lun, portals);
        }

        DiskSource nvmeOf() {
            if (volume.startsWith("/")) {
                String path = byIdPath();
                if (!path.startsWith(BY_ID + "nvme-")) {
                    throw invalid("an NVMe namespace's by-id name starts with nvme-");
                }
                return new DiskSource.BlockDevice(storage, path, new HostAttachment.Mapped(HostDriver.NVME_MULTIPATH));
            }
            int nsAt = volume.lastIndexOf('/');
            if (nsAt < 0) {
                throw invalid("no namespace (eui.<hex> or uuid.<uuid>) after the subsystem NQN");
            }
            String namespace = volume.substring(nsAt + 1);
            if (!NVME_NAMESPACE.matcher(namespace).matches()) {
                throw invalid("'" + namespace + "' is not a namespace identifier (eui.<16 or 32 hex digits> or "
                        + "uuid.<uuid>)");
            }
            String rest = volume.substring(0, nsAt);
            List<HostAddress> portals = new ArrayList<>(1);
            String nqn = rest;
            // an NQN may itself contain ':' but never '/', so a first segment without "nqn." is the portal
            int slash = rest.indexOf('/');
            if (slash >= 0) {
                portals.add(portal(rest.substring(0, slash), Limits.NVME_TCP_DEFAULT_PORT));
                nqn = rest.substring(slash + 1);
            }
            if (!NQN.matcher(nqn).matches()) {
                throw invalid("'" + nqn + "' is not a subsystem NQN (nqn.YYYY-MM.reverse.domain:name)");
            }
            maxBytes(nqn, Limits.NVME_NQN_MAX_BYTES, "NQN");
            String device = BY_ID + "nvme-" + namespace.toLowerCase(Locale.ROOT);
            return new DiskSource.BlockDevice(storage, device, new HostAttachment.NvmeConnect(nqn, portals));
        }

        DiskSource nfs() {
            String server;
            String path;
            if (volume.startsWith("[")) {
                int close = volume.indexOf("]:");
                if (close < 0) {
                    throw invalid("no ':' after the bracketed server address");
                }
                server = volume.substring(1, close);
                path = volume.substring(close + 2);
            } else {
                int colon = volume.indexOf(':');
                if (colon < 0) {
                    throw invalid("no ':' between server and export path");
                }
                server = volume.substring(0, colon);
                path = volume.substring(colon + 1);
            }
            if (!HostAddress.validName(server)) {
                throw invalid("'" + server + "' is not a server name or address");
            }
            List<String> segments = absolutePath(path, "export path");
            if (segments.size() < 2) {
                throw invalid("names an export but no file in it");
            }
            return new DiskSource.Network(storage, NetworkProtocol.NFS, path,
                    List.of(new HostAddress(server, Limits.NFS_DEFAULT_PORT)));
        }

        DiskSource smb() {
            if (!volume.startsWith("//")) {
                throw invalid(volume.startsWith("\\\\") ? "write the share with '/', not '\\'"
                        : "does not start with //");
            }
            String[] parts = volume.substring(2).split("/", -1);
            if (parts.length < 3) {
                throw invalid("needs a server, a share and a file on it");
            }
            String server = parts[0];
            if (!HostAddress.validName(server)) {
                throw invalid("'" + server + "' is not a server name or address");
            }
            String share = parts[1];
            if (!SMB_SHARE.matcher(share).matches()) {
                throw invalid("'" + share + "' is not a share name");
            }
            String rest = volume.substring(2 + server.length() + 1 + share.length());
            absolutePath(rest, "path on the share");
            return new DiskSource.ImageFile(storage, "//" + server + "/" + share,
                    SHARE_MOUNT_ROOT + "/" + server + "/" + share + rest);
        }

        DiskSource sanLun() {
            if (volume.startsWith("/")) {
                return new DiskSource.BlockDevice(storage, byIdPath(), new HostAttachment.Mapped(HostDriver.MULTIPATH));
            }
            Matcher m = WWN.matcher(volume);
            if (!m.matches()) {
                throw invalid("not a WWN of 16 or 32 hex digits, nor a " + BY_ID + " path");
            }
            // dm-multipath names a map by the LUN's WWID: the NAA designator type 3 followed by the WWN
            String device = "/dev/mapper/3" + m.group(1).toLowerCase(Locale.ROOT);
            return new DiskSource.BlockDevice(storage, device, new HostAttachment.Mapped(HostDriver.MULTIPATH));
        }

        DiskSource powerFlex() {
            if (volume.startsWith("/")) {
                return new DiskSource.BlockDevice(storage, byIdPath(),
                        new HostAttachment.Mapped(HostDriver.POWERFLEX_SDC));
            }
            Matcher m = POWERFLEX_ID.matcher(volume);
            if (!m.matches()) {
                throw invalid("not <systemId>-<volumeId> of 16 hex digits each, nor a " + BY_ID + " path");
            }
            String device = BY_ID + "emc-vol-" + m.group(1).toLowerCase(Locale.ROOT) + "-"
                    + m.group(2).toLowerCase(Locale.ROOT);
            return new DiskSource.BlockDevice(storage, device, new HostAttachment.Mapped(HostDriver.POWERFLEX_SDC));
        }

        DiskSource linstor() {
            String resource = volume;
            int volumeNumber = 0;
            int slash = volume.indexOf('/');
            if (slash >= 0) {
                resource = volume.substring(0, slash);
                volumeNumber = number(volume.substring(slash + 1), Limits.LINSTOR_MAX_VOLUME_NUMBER, "volume number");
            }
            if (!LINSTOR_RESOURCE.matcher(resource).matches()) {
                throw invalid("'" + resource + "' is not a resource name (a letter or '_' first, then letters, "
                        + "digits, '_' or '-')");
            }
            if (resource.length() > Limits.LINSTOR_NAME_MAX_LENGTH) {
                throw invalid("resource name longer than " + Limits.LINSTOR_NAME_MAX_LENGTH + " characters");
            }
            return new DiskSource.BlockDevice(storage, "/dev/drbd/by-res/" + resource + "/" + volumeNumber,
                    new HostAttachment.Mapped(HostDriver.DRBD));
        }

        DiskSource glueRbd() {
            if (volume.indexOf('@') >= 0) {
                throw invalid("'@' names a snapshot, which is read-only; a VM disk is the image itself");
            }
            String[] parts = volume.split("/", -1);
            if (parts.length != 2) {
                throw invalid(parts.length < 2 ? "no pool before the image name" : "more than one '/'");
            }
            for (String name : parts) {
                if (!GLUE_NAME.matcher(name).matches()) {
                    throw invalid("'" + name + "' is not a pool or image name (letters, digits, '_', '.', '-', not "
                            + "starting with '.' or '-')");
                }
                if (name.length() > Limits.GLUE_NAME_MAX_LENGTH) {
                    throw invalid("a name longer than " + Limits.GLUE_NAME_MAX_LENGTH + " characters");
                }
            }
            return new DiskSource.Network(storage, NetworkProtocol.RBD, volume, List.of());
        }

        DiskSource local() {
            absolutePath(volume, "path");
            if (volume.startsWith("/dev/")) {
                return new DiskSource.BlockDevice(storage, volume, new HostAttachment.Mapped(HostDriver.HOST_DISK));
            }
            return new DiskSource.ImageFile(storage, "", volume);
        }

        private String byIdPath() {
            if (!volume.startsWith(BY_ID)) {
                throw invalid("a device path must be under " + BY_ID + ", whose names survive reboots");
            }
            String name = volume.substring(BY_ID.length());
            if (!BY_ID_NAME.matcher(name).matches()) {
                throw invalid("'" + name + "' is not a device name");
            }
            return volume;
        }

        private HostAddress portal(String text, int defaultPort) {
            Optional<HostAddress> portal = HostAddress.parse(text, defaultPort);
            if (portal.isEmpty()) {
                throw invalid("'" + text + "' is not a portal address (host[:port])");
            }
            return portal.get();
        }

        private int number(String text, int max, String what) {
            if (!DIGITS.matcher(text).matches() || Integer.parseInt(text) > max) {
                throw invalid(what + " '" + text + "' is not a number from 0 to " + max);
            }
            return Integer.parseInt(text);
        }

        private void maxBytes(String text, int max, String what) {
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > max) {
                throw invalid(what + " of " + bytes + " bytes; at most " + max);
            }
        }

        /** The segments of an absolute path without empty, '.' or '..' segments and not ending in '/'. */
        private List<String> absolutePath(String path, String what) {
            if (!path.startsWith("/")) {
                throw invalid(what + " '" + path + "' is not absolute");
            }
            if (path.length() == 1 || path.endsWith("/")) {
                throw invalid(what + " '" + path + "' names a directory, not a file");
            }
            List<String> segments = List.of(path.substring(1).split("/", -1));
            for (String segment : segments) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    throw invalid(what + " '" + path + "' has an empty, '.' or '..' segment");
                }
            }
            return segments;
        }
    }
}
