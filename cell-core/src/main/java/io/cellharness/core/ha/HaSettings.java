package io.cellharness.core.ha;

import io.cellharness.core.limits.Limits;

/**
 * Every timing and threshold of the HA engine, in milliseconds; defaults in {@link Limits} (README compares them with
 * CloudStack's).
 */
public record HaSettings(
        long heartbeatPeriodMillis,
        int neighbours,
        long checkMePeriodMillis,
        long neighbourSilenceMillis,
        long probeTimeoutMillis,
        long suspectAfterMillis,
        long checkTimeoutMillis,
        long storageCheckWindowMillis,
        long leaseTimeoutMillis,
        long fenceCommandTimeoutMillis,
        long fenceConfirmDelayMillis,
        int fenceConfirmReads,
        long fenceRetryBaseMillis,
        long fenceRetryMaxMillis,
        boolean powerOnAfterFence,
        double massFailureShare,
        long operationTimeoutMillis,
        long placementRetryMillis) {

    public static final HaSettings DEFAULTS = new HaSettings(
            Limits.HA_HEARTBEAT_PERIOD_MS,
            Limits.HA_NEIGHBOURS,
            Limits.HA_CHECK_ME_PERIOD_MS,
            Limits.HA_NEIGHBOUR_SILENCE_MS,
            Limits.HA_PROBE_TIMEOUT_MS,
            Limits.HA_SUSPECT_AFTER_MS,
            Limits.HA_CHECK_TIMEOUT_MS,
            Limits.HA_STORAGE_CHECK_WINDOW_MS,
            Limits.HA_LEASE_TIMEOUT_MS,
            Limits.HA_FENCE_COMMAND_TIMEOUT_MS,
            Limits.HA_FENCE_CONFIRM_DELAY_MS,
            Limits.HA_FENCE_CONFIRM_READS,
            Limits.HA_FENCE_RETRY_BASE_MS,
            Limits.HA_FENCE_RETRY_MAX_MS,
            Limits.HA_POWER_ON_AFTER_FENCE,
            Limits.HA_MASS_FAILURE_SHARE,
            Limits.HA_OPERATION_TIMEOUT_MS,
            Limits.HA_PLACEMENT_RETRY_MS);

    public HaSettings {
        if (heartbeatPeriodMillis <= 0 || checkMePeriodMillis <= 0) {
            throw new IllegalArgumentException("HA periods must be positive");
        }
        if (neighbours < 1) {
            throw new IllegalArgumentException("each host needs at least one neighbour");
        }
        if (storageCheckWindowMillis < 2 * heartbeatPeriodMillis) {
            throw new IllegalArgumentException("the storage check window must cover at least two heartbeat periods");
        }
        if (massFailureShare <= 0 || massFailureShare >= 1) {
            throw new IllegalArgumentException("the mass-failure share is between 0 and 1");
        }
        if (fenceConfirmReads < 1) {
            throw new IllegalArgumentException("a fence is confirmed by at least one read-back");
        }
    }

    /** A copy with a different lease timeout (the watchdog must reset a host well before it). */
    public HaSettings withLeaseTimeout(long millis) {
        return new HaSettings(heartbeatPeriodMillis, neighbours, checkMePeriodMillis, neighbourSilenceMillis,
                probeTimeoutMillis, suspectAfterMillis, checkTimeoutMillis, storageCheckWindowMillis, millis,
                fenceCommandTimeoutMillis, fenceConfirmDelayMillis, fenceConfirmReads, fenceRetryBaseMillis,
                fenceRetryMaxMillis, powerOnAfterFence, massFailureShare, operationTimeoutMillis, placementRetryMillis);
    }

}
