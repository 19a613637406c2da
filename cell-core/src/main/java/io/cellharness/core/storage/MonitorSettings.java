package io.cellharness.core.storage;

import io.cellharness.core.limits.Limits;

/**
 * How the Glue monitors are checked and when the I/O path moves (S-05 … S-09). Defaults in {@link Limits}.
 *
 * <p><b>Failback (S-06).</b> The path returns to a nearer monitor at the first probe it answers after its failure:
 * librbd "recognises it immediately". A controller that recovers once is back on the path within one probe period.
 *
 * <p><b>Flap damping (S-09).</b> Only a monitor that fails again soon after the path returned to it is damped, as
 * routers damp a flapping route (RFC 2439): when it is declared down within {@code dampingWindowMillis} of the path
 * moving to it (or of its previous repeat), that is a <em>repeat</em>, and before the next failback it must answer every
 * probe for a <em>hold</em>: {@code firstHoldMillis} after the first repeat, doubling with each further repeat, never
 * more than {@code maxHoldMillis}. The penalty decays while it stays healthy: each whole damping window in which it
 * answers every probe takes one repeat off (halving the hold), until none is left.
 *
 * @param probePeriodMillis   how often every host probes every monitor (S-07)
 * @param missThreshold       consecutive missed probes after which a monitor is declared down (S-07)
 * @param probeTimeoutMillis  a probe not answered within this time is missed; shorter than the period, so each probe
 *                            is decided before the next one starts
 * @param dampingWindowMillis a monitor declared down within this time of regaining the path is a repeat; also the
 *                            healthy time that takes one repeat off (S-09); at least one probe period
 * @param firstHoldMillis     the hold after one repeat (S-09); at least one probe period
 * @param maxHoldMillis       the bound of the doubling hold (S-09); at least the first hold
 */
public record MonitorSettings(long probePeriodMillis, int missThreshold, long probeTimeoutMillis,
                              long dampingWindowMillis, long firstHoldMillis, long maxHoldMillis) {

    /** The documented defaults. */
    public static final MonitorSettings DEFAULTS = new MonitorSettings(Limits.MONITOR_PROBE_PERIOD_MILLIS,
            Limits.MONITOR_MISS_THRESHOLD, Limits.MONITOR_PROBE_TIMEOUT_MILLIS,
            Limits.MONITOR_DAMPING_WINDOW_MILLIS, Limits.MONITOR_DAMPING_FIRST_HOLD_MILLIS,
            Limits.MONITOR_DAMPING_MAX_HOLD_MILLIS);

    public MonitorSettings {
        if (probePeriodMillis <= 0) {
            throw new IllegalArgumentException("S-07 monitor probe period is " + probePeriodMillis
                    + " ms; it must be more than 0");
        }
        if (missThreshold < 1) {
            throw new IllegalArgumentException("S-07 monitor miss threshold is " + missThreshold
                    + "; it must be at least 1");
        }
        if (probeTimeoutMillis <= 0 || probeTimeoutMillis >= probePeriodMillis) {
            throw new IllegalArgumentException("S-05 monitor probe timeout is " + probeTimeoutMillis
                    + " ms; it must be more than 0 and less than the probe period (" + probePeriodMillis + " ms)");
        }
        if (dampingWindowMillis < probePeriodMillis) {
            throw new IllegalArgumentException("S-09 damping window is " + dampingWindowMillis
                    + " ms; it must be at least the probe period (" + probePeriodMillis + " ms)");
        }
        if (firstHoldMillis < probePeriodMillis) {
            throw new IllegalArgumentException("S-09 first hold is " + firstHoldMillis
                    + " ms; it must be at least the probe period (" + probePeriodMillis + " ms)");
        }
        if (maxHoldMillis < firstHoldMillis) {
            throw new IllegalArgumentException("S-09 hold bound is " + maxHoldMillis
                    + " ms; it must be at least the first hold (" + firstHoldMillis + " ms)");
        }
        long bound = Math.addExact(Math.multiplyExact(probePeriodMillis, missThreshold), probeTimeoutMillis);
        if (bound >= Limits.GUEST_IO_TIMEOUT_MILLIS) {
            throw new IllegalArgumentException("S-05 failover stall bound (period x misses + timeout) is " + bound
                    + " ms; it must stay below the guest's I/O timeout of " + Limits.GUEST_IO_TIMEOUT_MILLIS
                    + " ms so no I/O error reaches the guest");
        }
    }

    /**
     * S-05: the longest the I/O of a VM stalls when its monitor stops answering, until it runs through the next one:
     * the monitor may stop just after answering, and is declared down when its {@code missThreshold}-th probe after
     * that times out, so the stall lasts less than {@code probePeriod × missThreshold + probeTimeout}. Measured
     * from the first missed probe, as the counters do, it is at most {@code probePeriod × (missThreshold − 1) +
     * probeTimeout}.
     */
    public long stallBoundMillis() {
        return probePeriodMillis * missThreshold + probeTimeoutMillis;
    }

    /**
     * S-09: the hold a monitor with {@code repeats} repeats must answer before a failback: none without a repeat, then
     * the first hold doubling per further repeat, bounded.
     */
    public long holdMillis(int repeats) {
        if (repeats <= 0) {
            return 0;
        }
        long hold = firstHoldMillis;
        for (int i = 1; i < repeats && hold < maxHoldMillis; i++) {
            hold = hold * 2;
        }
        return Math.min(hold, maxHoldMillis);
    }

    /** S-09: the repeats at which the hold reaches its bound; more repeats change nothing. */
    public int maxRepeats() {
        int repeats = 1;
        while (holdMillis(repeats) < maxHoldMillis) {
            repeats++;
        }
        return repeats;
    }
}
