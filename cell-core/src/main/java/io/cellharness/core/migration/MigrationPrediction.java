package io.cellharness.core.migration;

import java.util.List;

/**
 * What a live migration will do (G-01, G-03).
 *
 * @param outcome              converged, forced by the fallback, or aborted
 * @param iterations           pre-copy passes while the guest ran (the first sends all memory)
 * @param durationMillis       from start to the VM running on the target (or to the abort): disk copy, passes and
 *                             switch-over
 * @param downtimeMillis       how long the guest is paused at switch-over; 0 when aborted
 * @param diskBytes            disk data copied first because storage is not shared (0 on shared storage)
 * @param memoryBytesSent      memory sent over all passes and the switch-over
 * @param bytesTransferred     disk and memory together
 * @param finalThrottlePercent the auto-converge throttle reached (0 without auto-converge)
 * @param bandwidthGbps        the management bandwidth it ran at
 * @param slowNetwork          whether that bandwidth is below the recommended 10 Gb/s (G-03)
 * @param advice               one line per finding: slow network, no convergence, forced downtime, disk copy
 */
public record MigrationPrediction(MigrationOutcome outcome, int iterations, long durationMillis, long downtimeMillis,
                                  long diskBytes, long memoryBytesSent, long bytesTransferred, int finalThrottlePercent,
                                  double bandwidthGbps, boolean slowNetwork, List<String> advice) {

    public MigrationPrediction {
        advice = List.copyOf(advice);
    }

    public boolean converges() {
        return outcome == MigrationOutcome.CONVERGED;
    }

    /** Whether the VM ends up running on the target (converged, or forced by the fallback). */
    public boolean completes() {
        return outcome != MigrationOutcome.ABORTED;
    }
}
