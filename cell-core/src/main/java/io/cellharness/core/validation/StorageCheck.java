package io.cellharness.core.validation;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.PassthroughSpec;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.storage.DiskSource;
import io.cellharness.core.storage.DiskSources;
import io.cellharness.core.storage.HostAddress;
import io.cellharness.core.storage.InvalidVolumeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The storage rules of a cluster specification, reported as {@link Problem}s like every other validation.
 *
 * <p>Errors:
 * <ul>
 *   <li>S-01: a disk's volume does not have its storage type's form ({@link DiskSources#expectedForm}).</li>
 *   <li>S-03: a VM passes host devices through but is not placed on a host; a SCSI controller is not a PCI address;
 *       a LUN is not a device path; a controller or LUN is passed through twice on one host; a disk passed through to
 *       the storage controller VM is also used as a VM disk volume (the hypervisor never manages those disks).</li>
 *   <li>S-04: a storage controller's monitor, when it runs one, is not {@code host:port}.</li>
 * </ul>
 * Warnings:
 * <ul>
 *   <li>S-03: a LUN named by an unstable device name ({@code /dev/sdb}); a host-local block device used as a VM disk
 *       on a host that passes a whole SCSI controller through, since only the host's OS disks are Cell-managed.</li>
 *   <li>S-04: Glue disks in a cluster where no storage controller runs a monitor (no monitor to reach).</li>
 *   <li>H-05: an HA VM with a host-local disk cannot be restarted on another host.</li>
 * </ul>
 */
public final class StorageCheck {

    private static final Pattern PCI_ADDRESS = Pattern.compile("[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[01][0-9a-fA-F]\\.[0-7]");
    private static final Pattern MONITOR = Pattern.compile(".*:\\d{1,5}");
    private static final List<Pattern> WWN_PATHS = List.of(
            Pattern.compile("/dev/disk/by-id/wwn-0x([0-9a-f]{16}|[0-9a-f]{32})(?:-part\\d+)?"),
            Pattern.compile("/dev/disk/by-id/(?:scsi|dm-uuid-mpath)-3([0-9a-f]{16}|[0-9a-f]{32})(?:-part\\d+)?"),
            Pattern.compile("/dev/mapper/3([0-9a-f]{16}|[0-9a-f]{32})"));
    private static final List<Pattern> PARTITIONS = List.of(
            Pattern.compile("(/dev/disk/by-id/.+)-part\\d+"),
            Pattern.compile("(/dev/(?:sd|vd|hd)[a-z]+)\\d+"),
            Pattern.compile("(/dev/nvme\\d+n\\d+)p\\d+"));

    private StorageCheck() {
    }

    /** Every storage problem of {@code spec}. */
    public static ValidationReport validate(ClusterSpec spec) {
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        check(spec, errors, warnings);
        return new ValidationReport(errors, warnings);
    }

    /** Adds every storage problem of {@code spec} to {@code errors} and {@code warnings}, in document order. */
    public static void check(ClusterSpec spec, List<Problem> errors, List<Problem> warnings) {
        boolean anyController = false;
        for (int h = 0; h < spec.hosts().size(); h++) {
            HostSpec host = spec.hosts().get(h);
            // S-04: a controller may run no monitor (a cluster runs 3 or 5 whatever its size).
            if (host.storageController() != null && host.storageController().runsMonitor()) {
                anyController = true;
                String monitor = host.storageController().monitor();
                if (!MONITOR.matcher(monitor).matches()
                        || HostAddress.parse(monitor, 1).isEmpty()) {
                    errors.add(Problem.error("S-04", "hosts[" + h + "].storageController.monitor", monitor, null,
                            "the Glue monitor address must be host:port, e.g. " + host.name() + ":6789"));
                }
            }
        }
        List<Claim> claims = passthroughClaims(spec, errors, warnings);
        for (int v = 0; v < spec.vms().size(); v++) {
            VmSpec vm = spec.vms().get(v);
            String path = "vms[" + v + "]";
            List<Optional<DiskSource>> sources = sources(vm, path, errors);
            for (int d = 0; d < sources.size(); d++) {
                if (sources.get(d).isEmpty()) {
                    continue;
                }
                DiskSource source = sources.get(d).get();
                String diskPath = path + ".disks[" + d + "].volume";
                if (source instanceof DiskSource.BlockDevice block) {
                    checkNotPassedThrough(vm, diskPath, block, claims, errors, warnings);
                }
                // A document of VMs alone says nothing about hosts yet; only a described cluster can lack a controller.
                if (source.storage() == StorageType.GLUE_RBD && !anyController && !spec.hosts().isEmpty()) {
                    warnings.add(Problem.warning("S-04", diskPath, vm.disks().get(d).volume(), null,
                            "a Glue disk, but no host's storage controller runs a monitor its I/O could use"));
                }
            }
            if (vm.ha().enabled()) {
                for (int d = 0; d < vm.disks().size(); d++) {
                    DiskSpec disk = vm.disks().get(d);
                    if (!disk.storage().shared()) {
                        warnings.add(Problem.warning("H-05", path + ".disks[" + d + "].storage", disk.storage(), null,
                                "an HA VM with a host-local disk cannot be restarted on another host; use shared "
                                        + "storage"));
                    }
                }
            }
        }
    }

    /** S-01 for one VM: adds an error for every disk whose volume does not have its storage type's form. */
    public static void checkVolumes(VmSpec vm, String path, List<Problem> errors) {
        sources(vm, path, errors);
    }

    private static List<Optional<DiskSource>> sources(VmSpec vm, String path, List<Problem> errors) {
        List<Optional<DiskSource>> sources = new ArrayList<>(vm.disks().size());
        for (int d = 0; d < vm.disks().size(); d++) {
            DiskSpec disk = vm.disks().get(d);
            try {
                sources.add(Optional.of(DiskSources.of(vm.name() + " disk " + d, disk)));
            } catch (InvalidVolumeException e) {
                errors.add(Problem.error("S-01", path + ".disks[" + d + "].volume", disk.volume(), null,
                        e.reasonAndExpectedForm()));
                sources.add(Optional.empty());
            }
        }
        return sources;
    }

    /** A host device passed through to a VM (S-03), with the identity it is compared by. */
    private record Claim(String host, String identity, String written, String path, String vm,
                         boolean wholeController) {
        String describe() {
            return path + " (" + vm + ")";
        }
    }

    private static List<Claim> passthroughClaims(ClusterSpec spec, List<Problem> errors, List<Problem> warnings) {
        List<Claim> claims = new ArrayList<>();
        Map<String, Claim> byIdentity = new LinkedHashMap<>();
        for (int v = 0; v < spec.vms().size(); v++) {
            VmSpec vm = spec.vms().get(v);
            PassthroughSpec passthrough = vm.passthrough();
            if (passthrough.isEmpty()) {
                continue;
            }
            String path = "vms[" + v + "].passthrough";
            if (vm.host() == null) {
                errors.add(Problem.error("S-03", path, vm.name(), null,
                        "passes host devices through but is not placed on a host; the devices belong to one host"));
                continue;
            }
            for (int c = 0; c < passthrough.scsiControllers().size(); c++) {
                String address = passthrough.scsiControllers().get(c);
                String itemPath = path + ".scsiControllers[" + c + "]";
                if (address == null || !PCI_ADDRESS.matcher(address).matches()) {
                    errors.add(Problem.error("S-03", itemPath, address, null,
                            "not a PCI address domain:bus:slot.function, e.g. 0000:3b:00.0"));
                    continue;
                }
                claim(new Claim(vm.host(), "pci " + vm.host() + " " + address.toLowerCase(Locale.ROOT),
                        address, itemPath, vm.name(), true), byIdentity, claims, errors);
            }
            for (int l = 0; l < passthrough.luns().size(); l++) {
                String lun = passthrough.luns().get(l);
                String itemPath = path + ".luns[" + l + "]";
                if (lun == null || !lun.startsWith("/dev/") || lun.endsWith("/") || lun.contains("..")) {
                    errors.add(Problem.error("S-03", itemPath, lun, null,
                            "not a host device path, e.g. /dev/disk/by-id/wwn-0x5000c500a1b2c3d4"));
                    continue;
                }
                if (!lun.startsWith(DiskSources.BY_ID)) {
                    warnings.add(Problem.warning("S-03", itemPath, lun, null,
                            "kernel device names can change at reboot and hand another disk to the controller VM; "
                                    + "use " + DiskSources.BY_ID + "<name>"));
                }
                claim(new Claim(vm.host(), identity(vm.host(), lun), lun, itemPath, vm.name(), false), byIdentity,
                        claims, errors);
            }
        }
        return claims;
    }

    private static void claim(Claim claim, Map<String, Claim> byIdentity, List<Claim> claims, List<Problem> errors) {
        Claim earlier = byIdentity.putIfAbsent(claim.identity(), claim);
        if (earlier != null) {
            errors.add(Problem.error("S-03", claim.path(), claim.written(), null,
                    "already passed through by " + earlier.describe() + "; a host device goes to one VM only"));
            return;
        }
        claims.add(claim);
    }

    private static void checkNotPassedThrough(VmSpec vm, String diskPath, DiskSource.BlockDevice block,
                                              List<Claim> claims, List<Problem> errors, List<Problem> warnings) {
        String device = block.devicePath();
        String host = vm.host() == null ? "" : vm.host();
        String identity = identity(host, device);
        boolean hostLocal = !identity.startsWith("wwn ");
        for (Claim claim : claims) {
            if (claim.identity().equals(identity)) {
                errors.add(Problem.error("S-03", diskPath, device, null,
                        "passed through to the storage controller VM by " + claim.describe()
                                + "; the hypervisor never manages those disks, so it cannot also be a VM volume"));
                return;
            }
        }
        if (!hostLocal || vm.host() == null || block.storage() != StorageType.LOCAL) {
            return;
        }
        for (Claim claim : claims) {
            if (claim.wholeController() && claim.host().equals(host)) {
                warnings.add(Problem.warning("S-03", diskPath, device, null,
                        "host " + host + " passes a whole SCSI controller through by " + claim.describe()
                                + "; this device may sit behind it, and only the host's OS disks are Cell-managed"));
                return;
            }
        }
    }

    /**
     * How two device paths are compared: by WWN when the path carries one (the same LUN on every host), else by host
     * and path without a partition suffix (a partition lies on its disk).
     */
    static String identity(String host, String devicePath) {
        String path = devicePath.toLowerCase(Locale.ROOT);
        for (Pattern wwn : WWN_PATHS) {
            Matcher m = wwn.matcher(path);
            if (m.matches()) {
                return "wwn " + m.group(1);
            }
        }
        String whole = devicePath;
        for (Pattern partition : PARTITIONS) {
            Matcher m = partition.matcher(devicePath);
            if (m.matches()) {
                whole = m.group(1);
                break;
            }
        }
        return "host " + host + " " + whole;
    }
}
