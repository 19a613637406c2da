package io.cellharness.core.network;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.BondMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One bond of host NICs and its slave selection per frame (N-06, N-07), after the Linux bonding driver:
 *
 * <ul>
 *   <li>round-robin: frames go to the live slaves in turn;</li>
 *   <li>active-backup (the default): one active slave carries everything; when it fails the next live slave in
 *       configuration order takes over, and a recovered slave does not take it back (Linux without a
 *       {@code primary});</li>
 *   <li>balance-xor and 802.3ad: the slave is {@code hash modulo live slaves} with the {@code layer2} hash of
 *       Documentation/networking/bonding.rst, {@code source MAC[5] XOR destination MAC[5] XOR packet type ID}, so
 *       one destination always uses the same slave while the set of live slaves stays the same;</li>
 *   <li>broadcast: every live slave carries every frame;</li>
 *   <li>802.3ad also needs an LACP partner on the switch: without one the bond aggregates nothing and carries no
 *       traffic (configuring it is refused, N-07; losing it later takes the bond down).</li>
 * </ul>
 *
 * <p>Selection is allocation-free: {@link #transmitMask} returns a bit mask of slave indexes. The state behind it
 * (live slaves, active slave) is rebuilt only when a link changes. Not thread-safe, like all engine state.
 */
public final class Bond {

    /** The frame type the layer2 hash mixes in: the model's frames are IPv4 (EtherType 0x0800). */
    private static final int ETHERTYPE_IPV4 = 0x0800;

    private final String name;
    private final BondMode mode;
    private final StandardBridge bridge;
    private final String[] slaves;
    private final int[] speedGbps;
    private final boolean[] linkUp;
    private boolean lacpPartner;

    /** Indexes of the slaves that carry traffic, in configuration order; the first {@code liveCount} are valid. */
    private final int[] live;
    private int liveCount;
    private long liveMask;
    private int active = -1;
    private int roundRobinNext;

    /**
     * A bond with every slave's link up.
     *
     * @param speedsGbps  each slave's link speed, in the order of {@code slaves}
     * @param lacpPartner whether the switch answers LACP; required for 802.3ad
     * @throws IllegalArgumentException for no slaves, too many, a repeated slave, mismatched speeds, or 802.3ad
     *                                  without an LACP partner
     */
    public Bond(String name, BondMode mode, StandardBridge bridge, List<String> slaves, List<Integer> speedsGbps,
                boolean lacpPartner) {
        if (slaves.isEmpty()) {
            throw new IllegalArgumentException(name + " has no slave NICs");
        }
        if (slaves.size() > Limits.BOND_MAX_SLAVES) {
            throw new IllegalArgumentException(name + " has " + slaves.size() + " slaves; the model takes at most "
                    + Limits.BOND_MAX_SLAVES);
        }
        if (slaves.size() != speedsGbps.size()) {
            throw new IllegalArgumentException(name + ": " + slaves.size() + " slaves but " + speedsGbps.size() + " speeds");
        }
        if (slaves.stream().distinct().count() != slaves.size()) {
            throw new IllegalArgumentException(name + " lists a slave NIC twice: " + slaves);
        }
        if (mode == BondMode.LACP && !lacpPartner) {
            throw new IllegalArgumentException(lacpRefusal(name));
        }
        this.name = name;
        this.mode = mode;
        this.bridge = bridge;
        this.slaves = slaves.toArray(new String[0]);
        this.speedGbps = speedsGbps.stream().mapToInt(Integer::intValue).toArray();
        this.linkUp = new boolean[this.slaves.length];
        Arrays.fill(linkUp, true);
        this.lacpPartner = lacpPartner;
        this.live = new int[this.slaves.length];
        relink();
    }

    /** N-07: the one-line refusal of an 802.3ad bond on a switch without LACP. */
    static String lacpRefusal(String bondName) {
        return bondName + " uses 802.3ad (LACP), which needs link aggregation configured on the switch; "
                + "this switch does not support it (N-07)";
    }

    public String name() {
        return name;
    }

    public BondMode mode() {
        return mode;
    }

    public StandardBridge bridge() {
        return bridge;
    }

    public List<String> slaves() {
        return List.of(slaves);
    }

    /**
     * The slaves that carry a frame from {@code srcMac} to {@code dstMac} (48-bit values), as a bit mask of slave
     * indexes: one bit, every live slave for broadcast, 0 when the bond carries nothing. Round-robin advances its turn.
     */
    public long transmitMask(long srcMac, long dstMac) {
        if (liveCount == 0) {
            return 0L;
        }
        switch (mode) {
            case ACTIVE_BACKUP:
                return 1L << active;
            case ROUND_ROBIN: {
                int turn = roundRobinNext;
                roundRobinNext = turn + 1 == liveCount ? 0 : turn + 1;
                return 1L << live[turn];
            }
            case BALANCE_XOR:
            case LACP: {
                int hash = (int) ((srcMac ^ dstMac) & 0xFF) ^ ETHERTYPE_IPV4;
                return 1L << live[hash % liveCount];
            }
            case BROADCAST:
                return liveMask;
            default:
                throw new IllegalStateException("unknown bond mode " + mode);
        }
    }

    /** {@link #transmitMask} as NIC names, for traces and tests. */
    public List<String> transmit(long srcMac, long dstMac) {
        long mask = transmitMask(srcMac, dstMac);
        List<String> out = new ArrayList<>(Long.bitCount(mask));
        for (int i = 0; i < slaves.length; i++) {
            if ((mask & (1L << i)) != 0) {
                out.add(slaves[i]);
            }
        }
        return out;
    }

    /** Sets a slave's link state; returns whether anything changed. */
    boolean setLink(String nic, boolean up) {
        int i = indexOf(nic);
        if (i < 0 || linkUp[i] == up) {
            return false;
        }
        linkUp[i] = up;
        relink();
        return true;
    }

    /** Whether the switch answers LACP; only 802.3ad cares. */
    void setLacpPartner(boolean partner) {
        this.lacpPartner = partner;
        relink();
    }

    public boolean hasSlave(String nic) {
        return indexOf(nic) >= 0;
    }

    public boolean carriesTraffic() {
        return liveCount > 0;
    }

    /** The NIC carrying all traffic of an active-backup bond, or null. */
    public String activeSlave() {
        return mode == BondMode.ACTIVE_BACKUP && active >= 0 ? slaves[active] : null;
    }

    /**
     * N-06: one NIC's bandwidth for every mode (the active slave's for active-backup, the slowest live slave's for
     * the others), two NICs' for 802.3ad with two or more live slaves; 0 when the bond carries nothing.
     */
    public double throughputGbps() {
        if (liveCount == 0) {
            return 0;
        }
        if (mode == BondMode.ACTIVE_BACKUP) {
            return speedGbps[active];
        }
        int slowest = Integer.MAX_VALUE;
        for (int k = 0; k < liveCount; k++) {
            slowest = Math.min(slowest, speedGbps[live[k]]);
        }
        int nics = mode == BondMode.LACP ? Math.min(liveCount, Limits.BOND_LACP_THROUGHPUT_NICS)
                : Limits.BOND_THROUGHPUT_NICS;
        return (double) nics * slowest;
    }

    /** Why the bond carries nothing, or null if it carries traffic. */
    public String downReason() {
        if (liveCount > 0) {
            return null;
        }
        if (mode == BondMode.LACP && !lacpPartner) {
            return name + " is 802.3ad but the switch does not answer LACP, so no link is aggregated (N-07)";
        }
        return name + " has no live slave (" + String.join(", ", slaves) + " down)";
    }

    public BondStatus status() {
        List<BondStatus.Slave> members = new ArrayList<>(slaves.length);
        for (int i = 0; i < slaves.length; i++) {
            members.add(new BondStatus.Slave(slaves[i], speedGbps[i], linkUp[i]));
        }
        return new BondStatus(name, mode, bridge, members, activeSlave(), carriesTraffic(), throughputGbps(),
                downReason());
    }

    private int indexOf(String nic) {
        for (int i = 0; i < slaves.length; i++) {
            if (slaves[i].equals(nic)) {
                return i;
            }
        }
        return -1;
    }

    private void relink() {
        liveCount = 0;
        liveMask = 0L;
        if (mode != BondMode.LACP || lacpPartner) {
            for (int i = 0; i < slaves.length; i++) {
                if (linkUp[i]) {
                    live[liveCount++] = i;
                    liveMask |= 1L << i;
                }
            }
        }
        if (roundRobinNext >= liveCount) {
            roundRobinNext = 0;
        }
        if (liveCount == 0) {
            active = -1;
        } else if (active < 0 || (liveMask & (1L << active)) == 0) {
            active = nextLiveAfter(active);
        }
    }

    /** The first live slave after {@code from} in configuration order, wrapping; from -1 that is the first live one. */
    private int nextLiveAfter(int from) {
        for (int step = 1; step <= slaves.length; step++) {
            int i = Math.floorMod(from + step, slaves.length);
            if ((liveMask & (1L << i)) != 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return name + " (" + mode + ", " + bridge + ")";
    }
}
