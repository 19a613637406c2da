package io.cellharness.core.migration;

import io.cellharness.core.limits.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * QEMU's pre-copy live migration as a pure function (G-01, G-03).
 *
 * <ol>
 *   <li>When storage is not shared, the disk data is copied first.</li>
 *   <li>Pass 1 sends all guest memory while the guest runs; each later pass sends what the guest dirtied during the
 *       previous one (at most all of its memory).</li>
 *   <li>After each pass, if what is left can be sent within the downtime limit, the guest is paused, the rest is
 *       sent, and the VM runs on the target: it converged.</li>
 *   <li>Otherwise, with auto-converge, the guest's vCPUs are throttled: 20 % after the first pass that does not
 *       converge, 10 % more after each further one, at most 99 % (QEMU's {@code cpu-throttle-initial},
 *       {@code cpu-throttle-increment}, {@code max-cpu-throttle}); a throttled guest dirties memory proportionally
 *       slower. QEMU additionally waits for two consecutive high-dirty passes before each step; the model steps after
 *       every pass that does not converge.</li>
 *   <li>After the pass limit the fallback decides: abort (the VM stays on the source) or suspend (pause and copy
 *       the rest, exceeding the downtime limit).</li>
 * </ol>
 *
 * <p>Bandwidth is the management network's line rate (G-02); protocol overhead, compression and page zero
 * detection are not modelled. Time only flows forward through sums taken in one order, so more bandwidth never
 * makes a completing migration slower, also in floating point.
 */
public final class PreCopyModel {

    /** Bytes per millisecond carried by one Gb/s (10^9 bit/s). */
    private static final double BYTES_PER_MS_PER_GBPS = 1e9 / 8 / 1000;

    private PreCopyModel() {
    }

    /**
     * Predicts a live migration.
     *
     * @param memoryBytes   guest memory
     * @param diskBytes     disk data to copy because storage is not shared; 0 on shared storage
     * @param bandwidthGbps management network bandwidth between the hosts
     * @throws IllegalArgumentException for negative sizes or a bandwidth that is not positive
     */
    public static MigrationPrediction predict(long memoryBytes, long diskBytes, double bandwidthGbps,
                                              MigrationOptions options) {
        if (memoryBytes < 0 || diskBytes < 0) {
            throw new IllegalArgumentException("memory and disk to copy cannot be negative: " + memoryBytes + ", " + diskBytes);
        }
        if (!(bandwidthGbps > 0) || Double.isInfinite(bandwidthGbps)) {
            throw new IllegalArgumentException("bandwidth must be > 0 Gb/s, not " + bandwidthGbps);
        }
        double bytesPerMs = bandwidthGbps * BYTES_PER_MS_PER_GBPS;
        double dirtyPerMs = options.dirtyRateMibPerSecond() * Limits.MIB / 1000.0;
        double memory = memoryBytes;

        double elapsedMs = diskBytes / bytesPerMs;
        double memorySent = 0;
        double pending = memory;
        int throttle = 0;
        int passes = 0;
        MigrationOutcome outcome = null;
        double downtimeMs = 0;
        while (outcome == null) {
            double passMs = pending / bytesPerMs;
            elapsedMs += passMs;
            memorySent += pending;
            passes++;
            pending = Math.min(memory, dirtyPerMs * (100 - throttle) / 100.0 * passMs);
            double switchOverMs = pending / bytesPerMs;
            if (switchOverMs <= options.maxDowntimeMillis()) {
                outcome = MigrationOutcome.CONVERGED;
                downtimeMs = switchOverMs;
            } else if (passes >= options.maxIterations()) {
                if (options.fallback() == MigrationFallback.SUSPEND) {
                    outcome = MigrationOutcome.FORCED;
                    downtimeMs = switchOverMs;
                } else {
                    outcome = MigrationOutcome.ABORTED;
                }
            } else if (options.autoConverge()) {
                throttle = throttle == 0 ? Limits.MIGRATION_THROTTLE_INITIAL_PERCENT
                        : Math.min(Limits.MIGRATION_THROTTLE_MAX_PERCENT,
                        throttle + Limits.MIGRATION_THROTTLE_INCREMENT_PERCENT);
            }
        }
        if (outcome != MigrationOutcome.ABORTED) {
            elapsedMs += downtimeMs;
            memorySent += pending;
        }
        boolean slow = bandwidthGbps < Limits.MIGRATION_RECOMMENDED_BANDWIDTH_GBPS;
        List<String> advice = advice(outcome, options, bandwidthGbps, bytesPerMs, dirtyPerMs, diskBytes, passes,
                downtimeMs, slow);
        long memoryBytesSent = Math.round(memorySent);
        return new MigrationPrediction(outcome, passes, (long) Math.ceil(elapsedMs), (long) Math.ceil(downtimeMs),
                diskBytes, memoryBytesSent, diskBytes + memoryBytesSent, throttle, bandwidthGbps, slow, advice);
    }

    private static List<String> advice(MigrationOutcome outcome, MigrationOptions options, double bandwidthGbps,
                                       double bytesPerMs, double dirtyPerMs, long diskBytes, int passes,
                                       double downtimeMs, boolean slow) {
        List<String> advice = new ArrayList<>();
        if (slow) {
            advice.add(String.format(Locale.ROOT, "G-03: the management network gives %s Gb/s; migration over it is "
                    + "slow, %d Gb/s or more is recommended", number(bandwidthGbps),
                    Limits.MIGRATION_RECOMMENDED_BANDWIDTH_GBPS));
        }
        if (diskBytes > 0) {
            advice.add(String.format(Locale.ROOT, "G-01: storage is not shared, so %s MiB of disk data is copied "
                    + "before memory", number((double) diskBytes / Limits.MIB)));
        }
        if (outcome != MigrationOutcome.CONVERGED) {
            double bandwidthMibPerSecond = bytesPerMs * 1000 / Limits.MIB;
            String why = dirtyPerMs >= bytesPerMs
                    ? String.format(Locale.ROOT, "the guest dirties memory (%s MiB/s) at least as fast as the network "
                    + "sends it (%s MiB/s)", number(options.dirtyRateMibPerSecond()), number(bandwidthMibPerSecond))
                    : String.format(Locale.ROOT, "what the guest dirties (%s MiB/s) never fits the %d ms downtime "
                    + "limit at %s MiB/s", number(options.dirtyRateMibPerSecond()), options.maxDowntimeMillis(),
                    number(bandwidthMibPerSecond));
            advice.add("G-03: pre-copy does not converge in " + passes + " passes: " + why
                    + (options.autoConverge() ? "" : "; enable auto-converge") + ", allow more downtime, or use a "
                    + "faster management network");
        }
        if (outcome == MigrationOutcome.FORCED) {
            advice.add(String.format(Locale.ROOT, "G-03: the suspend fallback pauses the guest for %d ms to finish, "
                    + "above the %d ms limit", (long) Math.ceil(downtimeMs), options.maxDowntimeMillis()));
        }
        if (outcome == MigrationOutcome.ABORTED) {
            advice.add("G-03: the migration is aborted and the VM keeps running on the source");
        }
        return advice;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%d", (long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
