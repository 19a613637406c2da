package io.cellharness.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellharness.core.mac.MacAddress;
import io.cellharness.core.model.BondMode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BondTest {

    private static final long SRC = MacAddress.parse("02:ce:11:00:00:10").value();

    private static Bond bond(BondMode mode, int slaves) {
        List<String> names = new ArrayList<>();
        List<Integer> speeds = new ArrayList<>();
        for (int i = 1; i <= slaves; i++) {
            names.add("eno" + i);
            speeds.add(10);
        }
        return new Bond("bond-VM", mode, StandardBridge.VM, names, speeds, true);
    }

    private static long mac(int lastOctet) {
        return 0x02CE11000000L | lastOctet;
    }

    // ---- active-backup (N-06 default, N-07 failover) ----

    @Test
    void activeBackupSendsEverythingOnTheActiveSlave() {
        Bond b = bond(BondMode.ACTIVE_BACKUP, 2);
        for (int dst = 0; dst < 20; dst++) {
            assertThat(b.transmit(SRC, mac(dst))).containsExactly("eno1");
        }
        assertThat(b.activeSlave()).isEqualTo("eno1");
    }

    @Test
    void activeBackupFailsOverToTheNextLiveSlaveAndDoesNotFailBack() {
        Bond b = bond(BondMode.ACTIVE_BACKUP, 3);
        b.setLink("eno1", false);
        assertThat(b.activeSlave()).isEqualTo("eno2");
        assertThat(b.transmit(SRC, mac(1))).containsExactly("eno2");
        assertThat(b.carriesTraffic()).isTrue();

        b.setLink("eno1", true);
        assertThat(b.activeSlave()).as("a recovered slave does not take the role back").isEqualTo("eno2");

        b.setLink("eno2", false);
        assertThat(b.activeSlave()).as("next after eno2 in order").isEqualTo("eno3");
    }

    @Test
    void aBondWithoutLiveSlavesCarriesNothingAndSaysWhy() {
        Bond b = bond(BondMode.ACTIVE_BACKUP, 2);
        b.setLink("eno1", false);
        b.setLink("eno2", false);
        assertThat(b.transmitMask(SRC, mac(1))).isZero();
        assertThat(b.carriesTraffic()).isFalse();
        assertThat(b.activeSlave()).isNull();
        assertThat(b.throughputGbps()).isZero();
        assertThat(b.downReason()).isEqualTo("bond-VM has no live slave (eno1, eno2 down)");

        b.setLink("eno2", true);
        assertThat(b.activeSlave()).isEqualTo("eno2");
    }

    // ---- round-robin ----

    @Test
    void roundRobinAlternatesTheLiveSlaves() {
        Bond b = bond(BondMode.ROUND_ROBIN, 2);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sent.addAll(b.transmit(SRC, mac(7)));
        }
        assertThat(sent).containsExactly("eno1", "eno2", "eno1", "eno2");

        b.setLink("eno1", false);
        assertThat(b.transmit(SRC, mac(7))).containsExactly("eno2");
        assertThat(b.transmit(SRC, mac(7))).containsExactly("eno2");
    }

    // ---- balance-xor ----

    @Test
    void balanceXorUsesTheLayer2HashOfTheDocumentedFormula() {
        // bonding.rst: hash = source MAC[5] XOR destination MAC[5] XOR packet type ID (0x0800), slave = hash mod count
        Bond b = bond(BondMode.BALANCE_XOR, 3);
        for (int dst = 0; dst < 256; dst++) {
            int expected = (((0x10 ^ dst) ^ 0x0800) % 3);
            assertThat(b.transmit(SRC, mac(dst))).containsExactly("eno" + (expected + 1));
        }
    }

    @Test
    void balanceXorKeepsADestinationOnOneSlave() {
        Bond b = bond(BondMode.BALANCE_XOR, 2);
        List<String> first = b.transmit(SRC, mac(0x21));
        for (int i = 0; i < 10; i++) {
            assertThat(b.transmit(SRC, mac(0x21))).isEqualTo(first);
        }
        assertThat(b.transmit(SRC, mac(0x21))).isNotEqualTo(b.transmit(SRC, mac(0x22)));
    }

    // ---- broadcast ----

    @Test
    void broadcastSendsOnEveryLiveSlave() {
        Bond b = bond(BondMode.BROADCAST, 3);
        assertThat(b.transmit(SRC, mac(1))).containsExactly("eno1", "eno2", "eno3");
        b.setLink("eno2", false);
        assertThat(b.transmit(SRC, mac(1))).containsExactly("eno1", "eno3");
    }

    // ---- 802.3ad ----

    @Test
    void lacpWithoutSwitchSupportIsRefused() {
        assertThatThrownBy(() -> new Bond("bond-VM", BondMode.LACP, StandardBridge.VM, List.of("eno1", "eno2"),
                List.of(10, 10), false))
                .hasMessage("bond-VM uses 802.3ad (LACP), which needs link aggregation configured on the switch; "
                        + "this switch does not support it (N-07)");
    }

    @Test
    void lacpStopsCarryingWhenTheSwitchStopsAnsweringAndResumesAfter() {
        Bond b = bond(BondMode.LACP, 2);
        assertThat(b.carriesTraffic()).isTrue();
        b.setLacpPartner(false);
        assertThat(b.carriesTraffic()).isFalse();
        assertThat(b.transmitMask(SRC, mac(3))).isZero();
        assertThat(b.downReason()).contains("does not answer LACP");
        b.setLacpPartner(true);
        assertThat(b.transmit(SRC, mac(3))).hasSize(1);
    }

    // ---- throughput (N-06) ----

    @Test
    void throughputIsOneNicExceptLacpWithTwo() {
        assertThat(bond(BondMode.ACTIVE_BACKUP, 2).throughputGbps()).isEqualTo(10);
        assertThat(bond(BondMode.ROUND_ROBIN, 2).throughputGbps()).isEqualTo(10);
        assertThat(bond(BondMode.BALANCE_XOR, 2).throughputGbps()).isEqualTo(10);
        assertThat(bond(BondMode.BROADCAST, 2).throughputGbps()).isEqualTo(10);
        assertThat(bond(BondMode.LACP, 2).throughputGbps()).isEqualTo(20);
        assertThat(bond(BondMode.LACP, 4).throughputGbps()).as("documented as two NICs").isEqualTo(20);
        Bond degraded = bond(BondMode.LACP, 2);
        degraded.setLink("eno1", false);
        assertThat(degraded.throughputGbps()).isEqualTo(10);
    }

    @Test
    void activeBackupThroughputIsTheActiveSlaves() {
        Bond b = new Bond("bond-MGMT", BondMode.ACTIVE_BACKUP, StandardBridge.MGMT, List.of("eno1", "eno2"),
                List.of(25, 1), true);
        assertThat(b.throughputGbps()).isEqualTo(25);
        b.setLink("eno1", false);
        assertThat(b.throughputGbps()).isEqualTo(1);
    }

    @Test
    void badBondsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new Bond("bond-VM", BondMode.ROUND_ROBIN, StandardBridge.VM, List.of(), List.of(), true))
                .hasMessage("bond-VM has no slave NICs");
        assertThatThrownBy(() -> new Bond("bond-VM", BondMode.ROUND_ROBIN, StandardBridge.VM, List.of("a", "a"),
                List.of(1, 1), true)).hasMessage("bond-VM lists a slave NIC twice: [a, a]");
    }

    // ---- properties ----

    @Property
    void framesOnlyLeaveOnLiveSlaves(@ForAll @IntRange(min = 0, max = 4) int modeIndex,
                                     @ForAll @IntRange(min = 1, max = 6) int slaves,
                                     @ForAll @IntRange(min = 0, max = 63) int downPattern,
                                     @ForAll @LongRange(min = 0, max = 0xFFFF_FFFF_FFFFL) long src,
                                     @ForAll @LongRange(min = 0, max = 0xFFFF_FFFF_FFFFL) long dst) {
        BondMode mode = BondMode.values()[modeIndex];
        Bond b = bond(mode, slaves);
        long liveMask = 0;
        for (int i = 0; i < slaves; i++) {
            boolean down = (downPattern & (1 << i)) != 0;
            b.setLink("eno" + (i + 1), !down);
            if (!down) {
                liveMask |= 1L << i;
            }
        }
        for (int frame = 0; frame < 5; frame++) {
            long mask = b.transmitMask(src, dst);
            assertThat(mask & ~liveMask).as("no dead slave").isZero();
            assertThat(mask != 0).isEqualTo(liveMask != 0);
            if (mode == BondMode.BROADCAST) {
                assertThat(mask).isEqualTo(liveMask);
            } else {
                assertThat(Long.bitCount(mask)).isLessThanOrEqualTo(1);
            }
        }
        assertThat(b.carriesTraffic()).isEqualTo(liveMask != 0);
    }

    @Property
    void hashingModesAreAFunctionOfTheMacPair(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFF_FFFFL) long src,
                                              @ForAll @LongRange(min = 0, max = 0xFFFF_FFFF_FFFFL) long dst,
                                              @ForAll @IntRange(min = 1, max = 8) int slaves) {
        for (BondMode mode : List.of(BondMode.BALANCE_XOR, BondMode.LACP)) {
            Bond b = bond(mode, slaves);
            long first = b.transmitMask(src, dst);
            assertThat(b.transmitMask(src, dst)).isEqualTo(first);
            assertThat(bond(mode, slaves).transmitMask(src, dst)).isEqualTo(first);
        }
    }
}
