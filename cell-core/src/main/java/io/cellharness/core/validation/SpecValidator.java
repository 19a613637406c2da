package io.cellharness.core.validation;

import io.cellharness.core.capacity.CapacityCheck;
import io.cellharness.core.capacity.HostLoad;
import io.cellharness.core.capacity.PlacementDecision;
import io.cellharness.core.capacity.Shortfall;
import io.cellharness.core.limits.Limits;
import io.cellharness.core.mac.MacAllocator;
import io.cellharness.core.mac.MacAllocator.Registration;
import io.cellharness.core.mac.NicRef;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.spec.Respelling;
import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.OsType;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.SeededRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a cluster specification against every documented limit and returns all problems at once.
 *
 * <p>Errors: L-01 … L-04 per VM, L-06 per host, L-05 and L-07 per host for the VMs placed on it, M-01/M-02 for
 * explicit MACs, N-03 for VLAN IDs, host CPU descriptions and the cluster CPUs they allow (C-01, C-04, C-05, see
 * {@link CpuCheck}), host bonds (N-05 … N-07, see {@link NetworkCheck}), storage (S-01, S-03, S-04, see
 * {@link StorageCheck}), and the structural rules a specification needs (unique names, known hosts).
 * Warnings: CPU overcommit (L-07), IDE disks (P-02), Windows without virtio drivers or guest agent (P-03), no
 * time-sync declaration (T-01), CPU models outside the catalogue (C-01), storage advice.
 */
public final class SpecValidator {

    /** The ID of problems that break the document's own structure rather than a documented limit. */
    public static final String STRUCTURE = "SPEC";

    private SpecValidator() {
    }

    /**
     * {@link #validate(ClusterSpec)}, plus a warning for every value the reader accepted under a non-canonical
     * spelling (C-01: the documentation's {@code host-mode}), naming the canonical word.
     */
    public static ValidationReport validate(ClusterSpec spec, List<Respelling> respellings) {
        ValidationReport report = validate(spec);
        List<Problem> warnings = new ArrayList<>();
        for (Respelling r : respellings) {
            warnings.add(Problem.warning(r.id(), r.path(), r.written(), null,
                    "'" + r.written() + "' is the documentation's spelling of " + r.canonical()
                            + ", read as " + r.canonical() + "; write " + r.canonical()));
        }
        warnings.addAll(report.warnings());
        return new ValidationReport(report.errors(), warnings);
    }

    public static ValidationReport validate(ClusterSpec spec) {
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        // The values the checks below rely on (finite, in range, present): when one is wrong, nothing else is judged.
        InputCheck.check(spec, errors);
        if (!errors.isEmpty()) {
            return new ValidationReport(errors, warnings);
        }
        Map<String, Integer> hostIndex = new LinkedHashMap<>();
        for (int h = 0; h < spec.hosts().size(); h++) {
            HostSpec host = spec.hosts().get(h);
            Integer earlier = hostIndex.putIfAbsent(host.name(), h);
            if (earlier != null) {
                errors.add(Problem.error(STRUCTURE, "hosts[" + h + "].name", host.name(), null,
                        "host name already used by hosts[" + earlier + "]"));
            }
            checkHost(host, "hosts[" + h + "]", errors);
            if (!host.hasKvm()) {
                warnings.add(Problem.warning("A-04", "hosts[" + h + "].kvm", false, null, host.name()
                        + " has no hardware virtualisation (/dev/kvm): its guests would run as qemu (TCG) emulation, "
                        + "unfit for production (a test lab only)"));
            }
        }
        Map<String, Integer> vmIndex = new LinkedHashMap<>();
        for (int v = 0; v < spec.vms().size(); v++) {
            VmSpec vm = spec.vms().get(v);
            String path = "vms[" + v + "]";
            Integer earlier = vmIndex.putIfAbsent(vm.name(), v);
            if (earlier != null) {
                errors.add(Problem.error(STRUCTURE, path + ".name", vm.name(), null,
                        "VM name already used by vms[" + earlier + "]"));
            }
            checkVm(vm, path, errors, warnings);
            if (vm.host() != null && !hostIndex.containsKey(vm.host())) {
                errors.add(Problem.error(STRUCTURE, path + ".host", vm.host(), null,
                        "placed on a host the cluster does not have"));
            }
        }
        checkPlacements(spec, vmIndex, errors, warnings);
        checkMacs(spec, vmIndex, errors);
        CpuCheck.check(spec, errors, warnings); // C-01, C-04, C-05
        NetworkCheck.check(spec, errors); // N-05 … N-07
        StorageCheck.check(spec, errors, warnings); // S-01, S-03, S-04, H-05
        return new ValidationReport(errors, warnings);
    }

    /**
     * The problems that make a cluster unusable for any command, not only invalid: values out of range or missing
     * ({@link InputCheck}), repeated host or VM names, VMs on hosts the cluster does not have. Every command refuses
     * such a file before doing anything; {@link #validate} reports these too.
     */
    public static List<Problem> usability(ClusterSpec spec) {
        List<Problem> errors = new ArrayList<>();
        InputCheck.check(spec, errors);
        if (!errors.isEmpty()) {
            return errors;
        }
        Map<String, Integer> hostIndex = new LinkedHashMap<>();
        for (int h = 0; h < spec.hosts().size(); h++) {
            Integer earlier = hostIndex.putIfAbsent(spec.hosts().get(h).name(), h);
            if (earlier != null) {
                errors.add(Problem.error(STRUCTURE, "hosts[" + h + "].name", spec.hosts().get(h).name(), null,
                        "host name already used by hosts[" + earlier + "]"));
            }
        }
        Map<String, Integer> vmIndex = new LinkedHashMap<>();
        for (int v = 0; v < spec.vms().size(); v++) {
            VmSpec vm = spec.vms().get(v);
            Integer earlier = vmIndex.putIfAbsent(vm.name(), v);
            if (earlier != null) {
                errors.add(Problem.error(STRUCTURE, "vms[" + v + "].name", vm.name(), null,
                        "VM name already used by vms[" + earlier + "]"));
            }
            if (vm.host() != null && !hostIndex.containsKey(vm.host())) {
                errors.add(Problem.error(STRUCTURE, "vms[" + v + "].host", vm.host(), null,
                        "placed on a host the cluster does not have"));
            }
        }
        return errors;
    }

    static void checkHost(HostSpec host, String path, List<Problem> errors) {
        if (host.cores() < 1) {
            errors.add(Problem.error("L-06", path + ".cores", host.cores(), ">= 1", "a host has at least one core"));
        } else if (host.cores() > Limits.HOST_MAX_CORES) {
            errors.add(Problem.error("L-06", path + ".cores", host.cores(), Limits.HOST_MAX_CORES,
                    "more physical cores than a supported host has"));
        }
        if (host.memory().bytes() > Limits.HOST_MAX_MEMORY_BYTES) {
            errors.add(Problem.error("L-06", path + ".memory", host.memory(), Size.ofBytes(Limits.HOST_MAX_MEMORY_BYTES),
                    "more physical memory than a supported host has"));
        }
    }

    static void checkVm(VmSpec vm, String path, List<Problem> errors, List<Problem> warnings) {
        if (vm.vcpus() > Limits.VM_MAX_VCPUS) {
            errors.add(Problem.error("L-02", path + ".vcpus", vm.vcpus(), Limits.VM_MAX_VCPUS,
                    "more vCPUs than a VM may have"));
        } else if (vm.vcpus() < 1) {
            errors.add(Problem.error("L-02", path + ".vcpus", vm.vcpus(), ">= 1", "a VM needs at least one vCPU"));
        }
        if (vm.nics().size() > Limits.VM_MAX_NICS) {
            errors.add(Problem.error("L-03", path + ".nics", vm.nics().size(), Limits.VM_MAX_NICS,
                    "more NICs than a VM may have"));
        }
        int ide = 0;
        int virtio = 0;
        for (DiskSpec disk : vm.disks()) {
            if (disk.bus() == DiskBus.IDE) {
                ide++;
            } else {
                virtio++;
            }
        }
        boolean ideNeedsTooManyVcpus = ide > 0 && vm.vcpus() > Limits.I440FX_MAX_VCPUS;
        String i440fx = "IDE needs the i440fx machine, which runs at most " + Limits.I440FX_MAX_VCPUS + " vCPUs";
        if (ide > Limits.VM_MAX_IDE_DISKS) {
            errors.add(Problem.error("L-04", path + ".disks", ide + " IDE", Limits.VM_MAX_IDE_DISKS,
                    "more IDE disks than a VM may have" + (ideNeedsTooManyVcpus ? "; also, " + i440fx : "")));
        } else if (ideNeedsTooManyVcpus) {
            errors.add(Problem.error("L-04", path + ".disks", ide + " IDE with " + vm.vcpus() + " vCPUs",
                    Limits.I440FX_MAX_VCPUS + " vCPUs", i440fx + "; use virtio-blk or fewer vCPUs"));
        }
        if (virtio > Limits.VM_MAX_VIRTIO_DISKS) {
            errors.add(Problem.error("L-04", path + ".disks", virtio + " virtio", Limits.VM_MAX_VIRTIO_DISKS,
                    "more virtio disks (virtio-blk and virtio-scsi together) than a VM may have"));
        }
        if (vm.memory().bytes() > Limits.VM_MAX_MEMORY_BYTES) {
            errors.add(Problem.error("L-01", path + ".memory", vm.memory(), Size.ofBytes(Limits.VM_MAX_MEMORY_BYTES),
                    "VM memory exceeds the documented maximum"));
        } else if (vm.memory().bytes() == 0) {
            errors.add(Problem.error("L-01", path + ".memory", vm.memory(), "> 0", "a VM needs memory"));
        }
        for (int d = 0; d < vm.disks().size(); d++) {
            if (vm.disks().get(d).bus() == DiskBus.IDE) {
                warnings.add(Problem.warning("P-02", path + ".disks[" + d + "].bus", "ide", null,
                        "IDE is allowed but not recommended (very low I/O performance); use virtio-blk, then virtio-scsi"));
            }
        }
        for (int n = 0; n < vm.nics().size(); n++) {
            Integer vlan = vm.nics().get(n).vlan();
            if (vlan != null && (vlan < Limits.VLAN_MIN || vlan > Limits.VLAN_MAX)) {
                errors.add(Problem.error("N-03", path + ".nics[" + n + "].vlan", vlan,
                        Limits.VLAN_MIN + ".." + Limits.VLAN_MAX, "not a usable 802.1Q VLAN ID"));
            }
        }
        if (vm.os() == OsType.WINDOWS && vm.disks().stream().anyMatch(d -> d.bus() != DiskBus.IDE)
                && (!vm.hasVirtioDrivers() || !vm.guestAgent())) {
            List<String> missing = new ArrayList<>(2);
            if (!vm.hasVirtioDrivers()) {
                missing.add("virtio drivers");
            }
            if (!vm.guestAgent()) {
                missing.add("guest agent");
            }
            warnings.add(Problem.warning("P-03", path, "windows", null,
                    "a Windows guest with virtio disks must have the " + String.join(" and ", missing)
                            + " installed before it starts"));
        }
        if (vm.timeSync() == null) {
            warnings.add(Problem.warning("T-01", path + ".timeSync", "absent", null,
                    "no time synchronisation declared; use NTP (or chrony) in the guest for stable time"));
        }
    }

    private static void checkPlacements(ClusterSpec spec, Map<String, Integer> vmIndex, List<Problem> errors,
                                        List<Problem> warnings) {
        for (int h = 0; h < spec.hosts().size(); h++) {
            HostSpec host = spec.hosts().get(h);
            HostLoad load = HostLoad.EMPTY;
            boolean cpuOvercommitWarned = false;
            for (VmSpec vm : spec.vmsOn(host.name())) {
                PlacementDecision decision = CapacityCheck.check(host, load, vm, spec.settings().overcommit());
                String vmPath = "vms[" + vmIndex.get(vm.name()) + "]";
                if (decision instanceof PlacementDecision.Refused refused) {
                    for (Shortfall s : refused.shortfalls()) {
                        errors.add(Problem.error(s.limitId(), vmPath + ".host", host.name(), limitText(s),
                                "does not fit: " + s.message()));
                    }
                } else if (((PlacementDecision.Fits) decision).cpuOvercommitted() && !cpuOvercommitWarned) {
                    cpuOvercommitWarned = true;
                    warnings.add(Problem.warning("L-07", "hosts[" + h + "]", (load.vcpus() + vm.vcpus()) + " vCPUs",
                            host.cores() + " cores", "CPU overcommit from " + vmPath
                                    + " on: allowed up to 8 x cores (L-05) but it costs performance; test before use"));
                }
                load = load.plus(vm);
            }
        }
    }

    private static String limitText(Shortfall s) {
        return switch (s.resource()) {
            case VCPU -> s.capacity() + " vCPUs";
            case MEMORY, DISK -> Size.ofBytes(s.capacity()).toString();
        };
    }

    private static void checkMacs(ClusterSpec spec, Map<String, Integer> vmIndex, List<Problem> errors) {
        List<Registration> problems = new ArrayList<>();
        // Validation only registers the MACs the specification states; the allocator never draws here.
        MacAllocator.rebuild(spec, new SeededRandom(0), problems);
        for (Registration r : problems) {
            if (r instanceof Registration.Duplicate d) {
                errors.add(Problem.error("M-02", macPath(vmIndex, d.rejected()), d.mac(), null,
                        "duplicates the MAC of " + macPath(vmIndex, d.existing()) + " (" + d.existing().vm()
                                + "); each NIC needs its own MAC"));
            } else if (r instanceof Registration.Invalid i) {
                errors.add(Problem.error("M-01", macPath(vmIndex, i.nic()), i.text(), null, i.reason()));
            }
        }
    }

    private static String macPath(Map<String, Integer> vmIndex, NicRef nic) {
        return "vms[" + vmIndex.get(nic.vm()) + "].nics[" + nic.index() + "].mac";
    }

    /** For callers that want only the VM rules, e.g. before defining one VM. */
    public static ValidationReport validateVm(VmSpec vm) {
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        checkVm(vm, "vm", errors, warnings);
        StorageCheck.checkVolumes(vm, "vm", errors);
        return new ValidationReport(errors, warnings);
    }
}
