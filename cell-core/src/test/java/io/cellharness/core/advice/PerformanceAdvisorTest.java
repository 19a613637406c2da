package io.cellharness.core.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.CpuVendor;
import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.GraphicsModel;
import io.cellharness.core.model.NicModel;
import io.cellharness.core.model.OsType;
import io.cellharness.core.model.PassthroughSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceAdvisorTest {

    static DiskSpec disk(DiskBus bus) {
        return new DiskSpec(bus, StorageType.GLUE_RBD, "rbd/x", Size.ofGiB(1));
    }

    @Test
    void theDocumentedTableP01() {
        VmSpec vm = new VmSpec("v", Size.ofGiB(4), 2, CpuMode.HOST_PASSTHROUGH, null, true, null,
                List.of(disk(DiskBus.IDE), disk(DiskBus.VIRTIO_BLK)),
                List.of(new VmNicSpec(null, null, null, NicModel.E1000), new VmNicSpec(null, null, null, NicModel.VIRTIO)),
                GraphicsModel.CIRRUS, null, null, null, new PassthroughSpec(List.of("0000:3b:00.0"), null));
        VmAdvice advice = PerformanceAdvisor.advise(vm, CpuVendor.INTEL);
        assertThat(advice.expected()).extracting(ExpectedPerformance::deviceClass, ExpectedPerformance::device,
                ExpectedPerformance::percent).containsExactly(
                tuple(DeviceClass.CPU, "host-passthrough", 97),
                tuple(DeviceClass.NETWORK, "e1000", 60),
                tuple(DeviceClass.NETWORK, "virtio-net", 75),
                tuple(DeviceClass.DISK, "ide", 40),
                tuple(DeviceClass.DISK, "virtio-blk", 85),
                tuple(DeviceClass.DISK, "SCSI/LUN passthrough", 95),
                tuple(DeviceClass.GRAPHICS, "cirrus", 50));
    }

    @Test
    void armPassthroughIs85AndCustomIsFullEmulation() {
        VmSpec vm = VmSpec.of("v", Size.ofGiB(1), 1).withCpuMode(CpuMode.HOST_PASSTHROUGH);
        assertThat(PerformanceAdvisor.advise(vm, CpuVendor.ARM).expected().get(0).percent()).isEqualTo(85);
        assertThat(PerformanceAdvisor.advise(vm.withCpuMode(CpuMode.CUSTOM), CpuVendor.AMD).expected().get(0))
                .extracting(ExpectedPerformance::virtualization, ExpectedPerformance::percent)
                .containsExactly(Virtualization.FULL_EMULATION, 7);
    }

    @Test
    void ideIsFlaggedAndVirtioBlkIsPreferredP02() {
        VmSpec vm = VmSpec.of("v", Size.ofGiB(1), 1).withDisks(List.of(disk(DiskBus.VIRTIO_SCSI), disk(DiskBus.IDE)));
        assertThat(PerformanceAdvisor.advise(vm, CpuVendor.INTEL).advice())
                .filteredOn(a -> a.id().equals("P-02"))
                .extracting(Advice::subject).containsExactly("disks[0]", "disks[1]");
    }

    @Test
    void windowsWithVirtioDisksNeedsDriversAndAgentP03() {
        VmSpec bare = new VmSpec("w", Size.ofGiB(4), 2, null, OsType.WINDOWS, false, null, List.of(disk(DiskBus.VIRTIO_BLK)),
                null, null, null, null, null, null);
        assertThat(PerformanceAdvisor.advise(bare, CpuVendor.INTEL).advice()).extracting(Advice::id).contains("P-03");
        VmSpec ready = new VmSpec("w", Size.ofGiB(4), 2, null, OsType.WINDOWS, true, true, List.of(disk(DiskBus.VIRTIO_BLK)),
                null, null, null, null, null, null);
        assertThat(PerformanceAdvisor.advise(ready, CpuVendor.INTEL).advice()).extracting(Advice::id).doesNotContain("P-03");
    }

    @Test
    void guestAgentMeansKvmClockAndMissingNtpIsRecommendedT01() {
        VmSpec vm = new VmSpec("v", Size.ofGiB(1), 1, null, null, true, null, null, null, null, null, null, null, null);
        assertThat(PerformanceAdvisor.advise(vm, CpuVendor.INTEL).advice())
                .extracting(Advice::id, Advice::subject)
                .contains(tuple("T-01", "clock"), tuple("T-01", "timeSync"));
    }
}
