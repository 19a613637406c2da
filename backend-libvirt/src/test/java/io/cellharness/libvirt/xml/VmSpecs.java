package io.cellharness.libvirt.xml;

import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.CpuVendor;
import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.VmSpec;
import java.util.List;

/** Small VM and context examples shared by the XML tests. */
public final class VmSpecs {

    public static final CpuSpec BROADWELL = new CpuSpec(CpuVendor.INTEL, "Broadwell-noTSX-IBRS", 8,
            List.of("vmx", "aes", "avx2"));
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

    /** A realistic volume name for each storage type. */
    public static String volumeOf(StorageType type, int n) {
        return switch (type) {
            case GLUE_RBD -> "rbd/vm-" + n + "-disk";
            case ISCSI -> "iqn.2024-01.io.cell:store/" + n;
            case NFS, SMB -> "share/vm-" + n + ".raw";
            case NVME_OF -> "uuid.5f1c0a2e-" + n;
            case FC, PRIMERA, PURE -> "3600a0980383" + n;
            case POWERFLEX -> "7a1b2c3d4e5f6789-" + n;
            case LINSTOR -> "vm-" + n + "-disk";
            case LOCAL -> "cell-vg/vm-" + n + "-disk";
        };
    }

    public static DiskSpec disk(DiskBus bus, StorageType type, int n) {
        return new DiskSpec(bus, type, volumeOf(type, n), Size.ofGiB(10 + n));
    }
}
