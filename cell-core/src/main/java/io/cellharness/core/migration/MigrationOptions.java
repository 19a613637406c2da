package io.cellharness.core.migration;

import io.cellharness.core.limits.Limits;
import java.util.OptionalDouble;

/**
 * How a live migration runs and what the guest does meanwhile.
 *
 * @param dirtyRateMibPerSecond how fast the guest writes memory while it is copied, MiB/s
 * @param maxDowntimeMillis     the longest pause allowed at switch-over (QEMU {@code downtime-limit})
 * @param autoConverge          whether QEMU may throttle the guest's vCPUs to converge
 * @param maxIterations         pre-copy passes before the fallback applies
 * @param fallback              what happens when it does not converge
 * @param bandwidthGbps         the management bandwidth to assume, Gb/s; empty to take it from the hosts' management
 *                              uplinks
 */
public record MigrationOptions(double dirtyRateMibPerSecond, long maxDowntimeMillis, boolean autoConverge,
                               int maxIterations, MigrationFallback fallback, OptionalDouble bandwidthGbps) {

    public MigrationOptions {
        if (!(dirtyRateMibPerSecond >= 0) || Double.isInfinite(dirtyRateMibPerSecond)) {
            throw new IllegalArgumentException("dirty rate must be a number of MiB/s >= 0, not " + dirtyRateMibPerSecond);
        }
        if (maxDowntimeMillis <= 0) {
            throw new IllegalArgumentException("maximum downtime must be > 0 ms, not " + maxDowntimeMillis);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maximum iterations must be >= 1, not " + maxIterations);
        }
        fallback = fallback == null ? MigrationFallback.ABORT : fallback;
        bandwidthGbps = bandwidthGbps == null ? OptionalDouble.empty() : bandwidthGbps;
        if (bandwidthGbps.isPresent() && !(bandwidthGbps.getAsDouble() > 0 && Double.isFinite(bandwidthGbps.getAsDouble()))) {
            throw new IllegalArgumentException("bandwidth must be > 0 Gb/s, not " + bandwidthGbps.getAsDouble());
        }
    }

    /** An idle guest, QEMU's 300 ms downtime limit, no auto-converge, the harness's pass cap, abort on failure. */
    public static MigrationOptions defaults() {
        return new MigrationOptions(0, Limits.MIGRATION_DEFAULT_MAX_DOWNTIME_MILLIS, false,
                Limits.MIGRATION_DEFAULT_MAX_ITERATIONS, MigrationFallback.ABORT, OptionalDouble.empty());
    }

    public MigrationOptions withDirtyRate(double mibPerSecond) {
        return new MigrationOptions(mibPerSecond, maxDowntimeMillis, autoConverge, maxIterations, fallback, bandwidthGbps);
    }

    public MigrationOptions withMaxDowntime(long millis) {
        return new MigrationOptions(dirtyRateMibPerSecond, millis, autoConverge, maxIterations, fallback, bandwidthGbps);
    }

    public MigrationOptions withAutoConverge(boolean on) {
        return new MigrationOptions(dirtyRateMibPerSecond, maxDowntimeMillis, on, maxIterations, fallback, bandwidthGbps);
    }

    public MigrationOptions withMaxIterations(int passes) {
        return new MigrationOptions(dirtyRateMibPerSecond, maxDowntimeMillis, autoConverge, passes, fallback, bandwidthGbps);
    }

    public MigrationOptions withFallback(MigrationFallback newFallback) {
        return new MigrationOptions(dirtyRateMibPerSecond, maxDowntimeMillis, autoConverge, maxIterations, newFallback,
                bandwidthGbps);
    }

    public MigrationOptions withBandwidth(double gbps) {
        return new MigrationOptions(dirtyRateMibPerSecond, maxDowntimeMillis, autoConverge, maxIterations, fallback,
                OptionalDouble.of(gbps));
    }
}
