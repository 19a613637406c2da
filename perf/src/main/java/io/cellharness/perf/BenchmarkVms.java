package io.cellharness.perf;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.HaSpec;
import io.cellharness.core.model.NicModel;
import io.cellharness.core.model.RestartPriority;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.TimeSync;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.libvirt.xml.RenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The VMs the domain XML benchmarks render, parse and define, by size: {@code minimal} (no devices),
 * {@code typical} (2 Glue disks, 2 NICs, guest agent, HA) and {@code maximal} (the most virtio disks and NICs a VM
 * may have, L-03 and L-04).
 */
public final class BenchmarkVms {

    /** The Glue monitors every Glue disk lists (S-04/S-05 order). */
    public static final List<String> MONITORS = List.of("10.0.20.1:6789", "10.0.20.2:6789", "10.0.20.3:6789");
    /** The libvirt secret of the Ceph client (a UUID, never the key). */
    public static final String CEPH_SECRET = "0b6e5f5c-3a1d-4c7e-9f11-6a1c2b3d4e5f";

    private BenchmarkVms() {
    }

    /** The rendering context: KVM, the Glue monitors and the secret. */
    public static RenderContext context() {
        return RenderContext.kvm().withGlue(MONITORS, CEPH_SECRET);
    }

    /** Disks plus NICs of the VM of that size. */
    public static int devices(String size) {
        VmSpec vm = vm(size, "count");
        return vm.disks().size() + vm.nics().size();
    }

    /** The VM of {@code size} named {@code name}. */
    public static VmSpec vm(String size, String name) {
        return switch (size) {
            case "minimal" -> VmSpec.of(name, Size.ofGiB(2), 1);
            case "typical" -> withDevices(name, 2, 2);
            case "maximal" -> withDevices(name, Limits.VM_MAX_VIRTIO_DISKS, Limits.VM_MAX_NICS);
            default -> throw new IllegalArgumentException("unknown VM size " + size
                    + "; expected minimal, typical or maximal");
        };
    }

    private static VmSpec withDevices(String name, int disks, int nics) {
        List<DiskSpec> diskList = new ArrayList<>();
        for (int d = 0; d < disks; d++) {
            diskList.add(new DiskSpec(DiskBus.VIRTIO_BLK, StorageType.GLUE_RBD, "rbd/" + name + "-disk" + d,
                    Size.ofGiB(40 + d)));
        }
        List<VmNicSpec> nicList = new ArrayList<>();
        for (int n = 0; n < nics; n++) {
            nicList.add(new VmNicSpec(String.format(Locale.ROOT, "02:ce:11:00:10:%02x", n + 1), null, 101 + n,
                    NicModel.VIRTIO));
        }
        return new VmSpec(name, Size.ofGiB(8), 4, CpuMode.HOST_MODEL, null, true, null, diskList, nicList, null,
                new HaSpec(true, RestartPriority.HIGH), TimeSync.CHRONY, null, null);
    }
}
