package io.cellharness.core.storage;

import io.cellharness.core.limits.Limits;

/**
 * How the Glue monitors are checked and when the I/O path moves (S-05 … S-09). Defaults in {@link Limits}.
 *
 * <p><b>Stable period.</b> A monitor is <em>stable</em>, as seen from a host at time {@code t}, when it has answered
 * every probe from that host since {@code t - stablePeriodMillis} or earlier: its current run of answers, unbroken
 * by any miss, began at least one stable period ago. A monitor is presumed stable when it is registered. The path
 * fails back (S-06) only to a stable monitor, and a failover prefers a stable one.
 *
 * <p>Guarantee (S-09): from any host that keeps at least one other monitor answering every probe, each monitor,
 * however fast it comes and goes (also faster than the probe period), causes at most one failover away from it and at
 * most one failback to it in any window of one stable period: to be chosen again after a failover it must be stable,
 * i.e. answer for a whole stable period after its last miss, and to be left again it must miss after that.
 *
 * @param probePeriodMillis  how often every host probes every monitor (S-07)
 * @param missThreshold      consecutive missed probes after which a monitor is declared down (S-07)
 * @param probeTimeoutMillis a probe not answered within this time is missed; shorter than the period, so each probe
 *                           is decided before the next one starts
 * @param stablePeriodMillis the stable period defined above, at least one probe period (S-06, S-09)
 */
public record MonitorSettings(long probePeriodMillis, int missThreshold, long probeTimeoutMillis,
                              long stablePeriodMillis) {

    /** The documented defaults. */
    public static final MonitorSettings DEFAULTS = new MonitorSettings(Limits.MONITOR_PROBE_PERIOD_MILLIS,
            Limits.MONITOR_MISS_THRESHOLD, Limits.MONITOR_PROBE_TIMEOUT_MILLIS, Limits.MONITOR_STABLE_PERIOD_MILLIS);

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
        if (stablePeriodMillis < probePeriodMillis) {
            throw new IllegalArgumentException("S-09 stable period is " + stablePeriodMillis
                    + " ms; it must be at least the probe period (" + probePeriodMillis + " ms)");
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
}
