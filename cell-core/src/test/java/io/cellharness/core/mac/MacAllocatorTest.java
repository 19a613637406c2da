package io.cellharness.core.mac;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.port.SeededRandom;
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
}
