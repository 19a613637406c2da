package io.cellharness.libvirt.xml;

import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.CpuVendor;
import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.VmSpec;
import java.util.List;
import java.util.Locale;

/** Small VM and context examples shared by the XML tests. */
public final class VmSpecs {

    public static final CpuSpec BROADWELL = new CpuSpec(CpuVendor.INTEL, "Broadwell-noTSX-IBRS",
            CpuGenerations.of(CpuVendor.INTEL, "Broadwell"), List.of("vmx", "aes", "avx2"));
    public static final List<String> MONITORS = List.of("10.0.0.11:6789", "10.0.0.12:6789", "10.0.0.13");
    public static final String SECRET = "0b6e5f5c-3a1d-4c7e-9f11-6a1c2b3d4e5f";

    private VmSpecs() {
    }

    public static VmSpec small(String name) {
        return VmSpec.of(name, Size.ofMiB(64), 1);
    }

    /** A context that can render every storage type and CPU mode. */
    public static RenderContext everything() {
        return RenderContext.kvm().withCustomCpu(BROADWELL).withGlue(MONITORS, SECRET)
                .withIscsiPortal("10.0.1.1:3260");
    }

    /** A volume in the form cell-core's DiskSources documents for each storage type (A-02, S-01). */
    public static String volumeOf(StorageType type, int n) {
        String hex16 = String.format(Locale.ROOT, "%016x", n);
        return switch (type) {
            case GLUE_RBD -> "rbd/vm-" + n + "-disk";
            case ISCSI -> n % 2 == 0 ? "iqn.2024-01.io.cell:store/" + n % 1000
                    : "10.0.1.9:3260/iqn.2024-01.io.cell:store/" + n % 1000;
            case NFS -> "nas1:/exports/vms/vm-" + n + ".raw";
            case SMB -> "//fs1/vms/vm-" + n + ".raw";
            case NVME_OF -> "nqn.2014-08.io.cell:array1/eui." + hex16;
            case FC, PRIMERA, PURE -> "600a0b8000123456" + hex16;
            case POWERFLEX -> "1a2b3c4d5e6f7081-" + hex16;
            case LINSTOR -> "vm-" + n + "-disk";
            case LOCAL -> n % 2 == 0 ? "/dev/cell-vg/vm-" + n + "-disk" : "/var/lib/cell/images/vm-" + n + ".raw";
        };
    }

    public static DiskSpec disk(DiskBus bus, StorageType type, int n) {
        return new DiskSpec(bus, type, volumeOf(type, n), Size.ofGiB(10 + n));
    }
}
