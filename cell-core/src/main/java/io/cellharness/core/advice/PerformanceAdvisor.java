package io.cellharness.core.advice;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.CpuVendor;
import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.GraphicsModel;
import io.cellharness.core.model.NicModel;
import io.cellharness.core.model.OsType;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The documented expected performance of a VM and advice about its devices.
 *
 * <p>CPU: host-passthrough and host-model give the guest the host CPU with hardware assistance (the passthrough
 * column: 97 % on Intel/AMD, 85 % on ARM); custom runs a CPU model QEMU emulates for compatibility (the
 * documentation's generation-compatibility section), the full-emulation column (7 %).
 */
public final class PerformanceAdvisor {

    private PerformanceAdvisor() {
    }

    public static VmAdvice advise(VmSpec vm, CpuVendor hostVendor) {
        List<ExpectedPerformance> rows = new ArrayList<>();
        List<Advice> advice = new ArrayList<>();

        rows.add(cpuRow(vm.cpuMode(), hostVendor));

        Set<NicModel> nicModels = new LinkedHashSet<>();
        for (VmNicSpec nic : vm.nics()) {
            nicModels.add(nic.model());
        }
        for (NicModel model : nicModels) {
            rows.add(switch (model) {
                case E1000 -> new ExpectedPerformance(DeviceClass.NETWORK, "e1000", Virtualization.FULL_EMULATION,
                        Limits.PERF_NET_E1000);
                case VIRTIO -> new ExpectedPerformance(DeviceClass.NETWORK, "virtio-net", Virtualization.PARAVIRTUAL,
                        Limits.PERF_NET_VIRTIO);
                case PASSTHROUGH -> new ExpectedPerformance(DeviceClass.NETWORK, "NIC passthrough",
                        Virtualization.PASSTHROUGH, Limits.PERF_NET_PASSTHROUGH);
            });
        }
        for (int n = 0; n < vm.nics().size(); n++) {
            if (vm.nics().get(n).model() == NicModel.E1000) {
                advice.add(new Advice("P-01", "nics[" + n + "]", "e1000 emulation gives about "
                        + Limits.PERF_NET_E1000 + "% of bare metal; virtio-net gives " + Limits.PERF_NET_VIRTIO + "%"));
            }
        }

        Set<DiskBus> buses = new LinkedHashSet<>();
        for (DiskSpec disk : vm.disks()) {
            buses.add(disk.bus());
        }
        for (DiskBus bus : buses) {
            rows.add(switch (bus) {
                case IDE -> new ExpectedPerformance(DeviceClass.DISK, "ide", Virtualization.FULL_EMULATION,
                        Limits.PERF_DISK_IDE);
                case VIRTIO_BLK -> new ExpectedPerformance(DeviceClass.DISK, "virtio-blk", Virtualization.PARAVIRTUAL,
                        Limits.PERF_DISK_VIRTIO);
                case VIRTIO_SCSI -> new ExpectedPerformance(DeviceClass.DISK, "virtio-scsi",
                        Virtualization.PARAVIRTUAL, Limits.PERF_DISK_VIRTIO);
            });
        }
        if (!vm.passthrough().isEmpty()) {
            rows.add(new ExpectedPerformance(DeviceClass.DISK, "SCSI/LUN passthrough", Virtualization.PASSTHROUGH,
                    Limits.PERF_DISK_PASSTHROUGH));
        }
        for (int d = 0; d < vm.disks().size(); d++) {
            DiskBus bus = vm.disks().get(d).bus();
            if (bus == DiskBus.IDE) {
                advice.add(new Advice("P-02", "disks[" + d + "]", "IDE is not recommended (about "
                        + Limits.PERF_DISK_IDE + "% of bare metal); prefer virtio-blk, then virtio-scsi"));
            } else if (bus == DiskBus.VIRTIO_SCSI) {
                advice.add(new Advice("P-02", "disks[" + d + "]",
                        "virtio-scsi is the second choice; virtio-blk is the recommended disk controller"));
            }
        }

        if (vm.graphics() != GraphicsModel.NONE) {
            rows.add(switch (vm.graphics()) {
                case CIRRUS -> new ExpectedPerformance(DeviceClass.GRAPHICS, "cirrus", Virtualization.FULL_EMULATION,
                        Limits.PERF_GRAPHICS_CIRRUS);
                case VIRTIO_GPU -> new ExpectedPerformance(DeviceClass.GRAPHICS, "virtio-gpu",
                        Virtualization.PARAVIRTUAL, Limits.PERF_GRAPHICS_VIRTIO);
                case PASSTHROUGH -> new ExpectedPerformance(DeviceClass.GRAPHICS, "GPU passthrough",
                        Virtualization.PASSTHROUGH, Limits.PERF_GRAPHICS_PASSTHROUGH);
                case NONE -> throw new IllegalStateException("unreachable");
            });
            if (vm.graphics() == GraphicsModel.CIRRUS) {
                advice.add(new Advice("P-01", "graphics", "Cirrus gives about " + Limits.PERF_GRAPHICS_CIRRUS
                        + "% of bare metal; virtio-gpu gives " + Limits.PERF_GRAPHICS_VIRTIO + "%"));
            }
        }

        boolean virtioStorage = vm.disks().stream().anyMatch(d -> d.bus() != DiskBus.IDE);
        if (vm.os() == OsType.WINDOWS && virtioStorage && (!vm.hasVirtioDrivers() || !vm.guestAgent())) {
            advice.add(new Advice("P-03", "os", "Windows with virtio-blk or virtio-scsi disks needs the virtio "
                    + "drivers and the guest agent installed; this VM is flagged before start"));
        }
        if (vm.guestAgent()) {
            advice.add(new Advice("T-01", "clock", "with the guest agent the VM uses the kvm-clock clock source"));
        }
        if (vm.timeSync() == null) {
            advice.add(new Advice("T-01", "timeSync", "declare NTP (or chrony) in the guest for stable time"));
        }
        return new VmAdvice(vm.name(), rows, advice);
    }

    static ExpectedPerformance cpuRow(CpuMode mode, CpuVendor vendor) {
        if (mode == CpuMode.CUSTOM) {
            return new ExpectedPerformance(DeviceClass.CPU, "custom (emulated model)", Virtualization.FULL_EMULATION,
                    Limits.PERF_CPU_FULL_EMULATION);
        }
        int percent = vendor == CpuVendor.ARM ? Limits.PERF_CPU_PASSTHROUGH_ARM : Limits.PERF_CPU_PASSTHROUGH_X86;
        return new ExpectedPerformance(DeviceClass.CPU, mode.yamlName(), Virtualization.PASSTHROUGH, percent);
    }
}
