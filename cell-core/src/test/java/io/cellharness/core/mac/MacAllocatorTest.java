package io.cellharness.core.mac;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MacAllocatorTest {

    @Test
    void assignedMacsAreLocallyAdministeredUnicast() {
        MacAllocator allocator = new MacAllocator(new SeededRandom(1));
        for (int i = 0; i < 1000; i++) {
            MacAddress mac = allocator.allocate(new NicRef("v" + i, 0));
            assertThat(mac.isLocallyAdministered()).isTrue();
            assertThat(mac.isMulticast()).isFalse();
            assertThat(mac.toString()).startsWith("02:ce:11:");
        }
    }

    @Test
    void anExplicitDuplicateIsRejectedNamingBothNics() {
        MacAllocator allocator = new MacAllocator(new SeededRandom(1));
        allocator.register("02:00:00:00:00:01", new NicRef("web", 0));
        MacAllocator.Registration r = allocator.register("02-00-00-00-00-01", new NicRef("db", 1));
        assertThat(r).isInstanceOf(MacAllocator.Registration.Duplicate.class);
        assertThat(((MacAllocator.Registration.Duplicate) r).message())
                .isEqualTo("MAC 02:00:00:00:00:01 of db.nics[1] duplicates the MAC of web.nics[0] (M-02)");
    }

    @Test
    void allocationNeverReturnsAnExplicitlyRegisteredMac() {
        // A tiny world: every assignable MAC but one is taken explicitly; the allocator must find the last one.
        MacAllocator allocator = new MacAllocator(new SeededRandom(3));
        MacAddress first = allocator.allocate(new NicRef("a", 0));
        allocator.release(first);
        assertThat(allocator.register(first.toString(), new NicRef("b", 0)))
                .isInstanceOf(MacAllocator.Registration.Registered.class);
        for (int i = 0; i < 10_000; i++) {
            assertThat(allocator.allocate(new NicRef("c" + i, 0))).isNotEqualTo(first);
        }
    }

    @Test
    void sameSeedSameMacs() {
        MacAllocator a = new MacAllocator(new SeededRandom(42));
        MacAllocator b = new MacAllocator(new SeededRandom(42));
        for (int i = 0; i < 100; i++) {
            assertThat(a.allocate(new NicRef("v", i))).isEqualTo(b.allocate(new NicRef("v", i)));
        }
    }

    @Test
    void onlyAddressesOfTheManagersRangeCountTowardsItsCapacity() {
        MacAllocator allocator = new MacAllocator(new SeededRandom(3));
        allocator.register("02:ce:11:00:00:01", new NicRef("web", 0));
        allocator.register("52:54:00:00:00:01", new NicRef("web", 1));
        allocator.register("03:ce:11:00:00:02", new NicRef("web", 2)); // multicast: refused, counts nowhere
        assertThat(allocator.size()).isEqualTo(2);
        assertThat(allocator.assignedInUse()).isEqualTo(1L);

        MacAddress assigned = allocator.allocate(new NicRef("db", 0));
        assertThat(allocator.assignedInUse()).isEqualTo(2L);

        allocator.release(MacAddress.parse("52:54:00:00:00:01"));
        assertThat(allocator.assignedInUse()).isEqualTo(2L);
        allocator.release(assigned);
        allocator.release(assigned); // twice: the second is a MAC nobody holds
        allocator.release(MacAddress.parse("02:ce:11:00:00:09")); // never registered
        assertThat(allocator.assignedInUse()).isEqualTo(1L);
        assertThat(allocator.size()).isEqualTo(1);
        assertThat(allocator.owner(assigned)).isEmpty();
        assertThat(allocator.owner(MacAddress.parse("02:ce:11:00:00:01"))).contains(new NicRef("web", 0));
    }

    @Test
    void aRebuiltAllocatorHoldsEveryMacOfTheSpecificationAndReportsDuplicates() {
        VmSpec web = VmSpec.of("web", Size.ofGiB(1), 1).withNics(List.of(
                new VmNicSpec("02:ce:11:00:00:01", null, null, null), new VmNicSpec(null, null, null, null),
                new VmNicSpec("52:54:00:aa:bb:cc", null, null, null)));
        VmSpec db = VmSpec.of("db", Size.ofGiB(1), 1).withNics(List.of(
                new VmNicSpec("02:ce:11:00:00:01", null, null, null)));
        List<MacAllocator.Registration> problems = new ArrayList<>();

        MacAllocator allocator = MacAllocator.rebuild(new ClusterSpec("c", null, List.of(), List.of(web, db)),
                new SeededRandom(4), problems);

        assertThat(allocator.size()).isEqualTo(2);
        assertThat(allocator.assignedInUse()).isEqualTo(1L);
        assertThat(allocator.owner(MacAddress.parse("02:ce:11:00:00:01"))).contains(new NicRef("web", 0));
        assertThat(allocator.owner(MacAddress.parse("52:54:00:aa:bb:cc"))).contains(new NicRef("web", 2));
        assertThat(problems).singleElement().isInstanceOf(MacAllocator.Registration.Duplicate.class);
        assertThat(MacAllocator.rebuild(new ClusterSpec("c", null, List.of(), List.of(web)), new SeededRandom(4), null)
                .size()).isEqualTo(2);
    }

    @Test
    void assignMissingFillsOnlyTheNicsWithoutAMacAndRegistersThemUnderTheVm() {
        MacAllocator allocator = new MacAllocator(new SeededRandom(5));
        VmSpec vm = VmSpec.of("app", Size.ofGiB(1), 1).withNics(List.of(
                new VmNicSpec("52:54:00:00:00:07", null, null, null), new VmNicSpec(null, null, null, null),
                new VmNicSpec(null, null, null, null)));

        VmSpec filled = allocator.assignMissing(vm);

        assertThat(filled.nics().get(0).mac()).isEqualTo("52:54:00:00:00:07");
        for (int i = 1; i < 3; i++) {
            MacAddress mac = MacAddress.parse(filled.nics().get(i).mac());
            assertThat(mac.toString()).startsWith("02:ce:11:");
            assertThat(allocator.owner(mac)).contains(new NicRef("app", i));
        }
        assertThat(filled.nics().get(1).mac()).isNotEqualTo(filled.nics().get(2).mac());
        assertThat(allocator.assignedInUse()).isEqualTo(2L);
        assertThat(allocator.assignMissing(VmSpec.of("bare", Size.ofGiB(1), 1)).nics()).isEmpty();
    }
}
