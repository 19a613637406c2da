package io.cellharness.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Overcommit;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.VmSpec;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CapacityCheckTest {

    static final HostSpec HOST = new HostSpec("h1", 4, Size.ofGiB(16), Size.ofGiB(100), null, null, null, null, null);

    @Test
    void vcpusUpToEightTimesCoresFitL05() {
        assertThat(CapacityCheck.check(HOST, new HostLoad(24, 0, 0), VmSpec.of("v", Size.ofGiB(1), 8), Overcommit.OFF).fits()).isTrue();
        PlacementDecision d = CapacityCheck.check(HOST, new HostLoad(25, 0, 0), VmSpec.of("v", Size.ofGiB(1), 8), Overcommit.OFF);
        assertThat(d).isInstanceOf(PlacementDecision.Refused.class);
        Shortfall s = ((PlacementDecision.Refused) d).shortfalls().get(0);
        assertThat(s.resource()).isEqualTo(Resource.VCPU);
        assertThat(s.available()).isEqualTo(7);
        assertThat(s.capacity()).isEqualTo(32);
        assertThat(s.limitId()).isEqualTo("L-05");
    }

    @Test
    void cpuOvercommitFitsButIsFlagged() {
        PlacementDecision d = CapacityCheck.check(HOST, new HostLoad(2, 0, 0), VmSpec.of("v", Size.ofGiB(1), 4), Overcommit.OFF);
        assertThat(d).isEqualTo(new PlacementDecision.Fits(true));
        assertThat(CapacityCheck.check(HOST, HostLoad.EMPTY, VmSpec.of("v", Size.ofGiB(1), 4), Overcommit.OFF))
                .isEqualTo(new PlacementDecision.Fits(false));
    }

    @Test
    void memoryShortfallNamesTheNumbersL07() {
        PlacementDecision d = CapacityCheck.check(HOST, new HostLoad(0, Size.ofGiB(12).bytes(), 0),
                VmSpec.of("v", Size.ofGiB(8), 1), Overcommit.OFF);
        assertThat(((PlacementDecision.Refused) d).message())
                .isEqualTo("memory: needs 8GiB, host h1 has 4GiB left of 16GiB (L-07), short by 4GiB");
        assertThat(CapacityCheck.check(HOST, new HostLoad(0, Size.ofGiB(12).bytes(), 0),
                VmSpec.of("v", Size.ofGiB(8), 1), new Overcommit(1.5, 1.0)).fits()).isTrue();
    }

    @Test
    void localDiskIsAccountedSharedStorageIsNot() {
        VmSpec local = VmSpec.of("v", Size.ofGiB(1), 1)
                .withDisks(List.of(new DiskSpec(null, StorageType.LOCAL, "/var/lib/cell/v", Size.ofGiB(150))));
        VmSpec shared = VmSpec.of("v", Size.ofGiB(1), 1)
                .withDisks(List.of(new DiskSpec(null, StorageType.GLUE_RBD, "rbd/v", Size.ofGiB(150))));
        assertThat(CapacityCheck.check(HOST, HostLoad.EMPTY, local, Overcommit.OFF).fits()).isFalse();
        assertThat(CapacityCheck.check(HOST, HostLoad.EMPTY, local, new Overcommit(1.0, 2.0)).fits()).isTrue();
        assertThat(CapacityCheck.check(HOST, HostLoad.EMPTY, shared, Overcommit.OFF).fits()).isTrue();
    }

    @Test
    void everyShortResourceIsNamed() {
        PlacementDecision d = CapacityCheck.check(HOST, new HostLoad(32, Size.ofGiB(16).bytes(), 0),
                VmSpec.of("v", Size.ofGiB(1), 1), Overcommit.OFF);
        assertThat(((PlacementDecision.Refused) d).shortfalls()).extracting(Shortfall::resource)
                .containsExactly(Resource.VCPU, Resource.MEMORY);
    }

    @Property
    void fillingAHostNeverExceedsItsCapacity(@ForAll @IntRange(min = 1, max = 64) int vcpus,
                                             @ForAll @IntRange(min = 1, max = 8) int gib) {
        HostLoad load = HostLoad.EMPTY;
        VmSpec vm = VmSpec.of("v", Size.ofGiB(gib), vcpus);
        while (CapacityCheck.check(HOST, load, vm, Overcommit.OFF).fits()) {
            load = load.plus(vm);
        }
        assertThat(load.vcpus()).isLessThanOrEqualTo(CapacityCheck.vcpuCapacity(HOST));
        assertThat(load.memoryBytes()).isLessThanOrEqualTo(HOST.memory().bytes());
        assertThat(load.vcpus() + vcpus > 32 || load.memoryBytes() + Size.ofGiB(gib).bytes() > HOST.memory().bytes()).isTrue();
    }
}
