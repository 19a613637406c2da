package io.cellharness.core.ha.cloudstack;

import io.cellharness.core.limits.Limits;

/**
 * CloudStack KVM Host HA's settings, in milliseconds; the upstream defaults are in {@link Limits} ({@code CLOUDSTACK_*},
 * each citing the {@code KVMHAConfig} key or the class it comes from).
 *
 * @param pollMillis                    the HA manager's background poll ({@code HAManagerBgPollTask})
 * @param healthCheckTimeoutMillis      {@code kvm.ha.health.check.timeout}
 * @param activityCheckTimeoutMillis    {@code kvm.ha.activity.check.timeout}
 * @param activityCheckIntervalMillis   {@code kvm.ha.activity.check.interval}
 * @param activityCheckMaxAttempts      {@code kvm.ha.activity.check.max.attempts}
 * @param activityCheckFailureRatio     {@code kvm.ha.activity.check.failure.ratio}
 * @param degradedMaxPeriodMillis       {@code kvm.ha.degraded.max.period}
 * @param recoverTimeoutMillis          {@code kvm.ha.recover.timeout}
 * @param recoverWaitPeriodMillis       {@code kvm.ha.recover.wait.period}
 * @param recoverAttemptThreshold       {@code kvm.ha.recover.failure.threshold}
 * @param fenceTimeoutMillis            {@code kvm.ha.fence.timeout}
 * @param acceptedProblematicHostsRatio {@code kvm.ha.accepted.problematic.hosts.ratio}
 * @param heartbeatStaleMillis          a storage heartbeat older than this is not beating ({@code KVMHABase})
 */
public record CloudStackHaSettings(
        long pollMillis,
        long healthCheckTimeoutMillis,
        long activityCheckTimeoutMillis,
        long activityCheckIntervalMillis,
        int activityCheckMaxAttempts,
        double activityCheckFailureRatio,
        long degradedMaxPeriodMillis,
        long recoverTimeoutMillis,
        long recoverWaitPeriodMillis,
        int recoverAttemptThreshold,
        long fenceTimeoutMillis,
        double acceptedProblematicHostsRatio,
        long heartbeatStaleMillis) {

    public static final CloudStackHaSettings DEFAULTS = new CloudStackHaSettings(
            Limits.CLOUDSTACK_HA_POLL_MS,
            Limits.CLOUDSTACK_HEALTH_CHECK_TIMEOUT_MS,
            Limits.CLOUDSTACK_ACTIVITY_CHECK_TIMEOUT_MS,
            Limits.CLOUDSTACK_ACTIVITY_CHECK_INTERVAL_MS,
            Limits.CLOUDSTACK_ACTIVITY_CHECK_MAX_ATTEMPTS,
            Limits.CLOUDSTACK_ACTIVITY_CHECK_FAILURE_RATIO,
            Limits.CLOUDSTACK_DEGRADED_MAX_PERIOD_MS,
            Limits.CLOUDSTACK_RECOVER_TIMEOUT_MS,
            Limits.CLOUDSTACK_RECOVER_WAIT_PERIOD_MS,
            Limits.CLOUDSTACK_RECOVER_ATTEMPT_THRESHOLD,
            Limits.CLOUDSTACK_FENCE_TIMEOUT_MS,
            Limits.CLOUDSTACK_ACCEPTED_PROBLEMATIC_HOSTS_RATIO,
            Limits.CLOUDSTACK_HEARTBEAT_STALE_MS);

    public CloudStackHaSettings {
        if (pollMillis <= 0 || healthCheckTimeoutMillis <= 0 || activityCheckTimeoutMillis <= 0
                || activityCheckIntervalMillis <= 0 || recoverTimeoutMillis <= 0 || fenceTimeoutMillis <= 0) {
            throw new IllegalArgumentException("CloudStack HA periods and timeouts must be positive");
        }
        if (activityCheckMaxAttempts < 1 || recoverAttemptThreshold < 0) {
            throw new IllegalArgumentException("CloudStack HA needs at least one activity check");
        }
        if (!(activityCheckFailureRatio >= 0 && activityCheckFailureRatio <= 1)
                || !(acceptedProblematicHostsRatio >= 0 && acceptedProblematicHostsRatio <= 1)) {
            throw new IllegalArgumentException("CloudStack HA ratios are between 0 and 1");
        }
    }

    /** A copy with the activity checks tuned, as operators do (e.g. the settings quoted in apache/cloudstack#13376). */
    public CloudStackHaSettings withActivityChecks(long intervalMillis, int maxAttempts, double failureRatio) {
        return new CloudStackHaSettings(pollMillis, healthCheckTimeoutMillis, activityCheckTimeoutMillis, intervalMillis,
                maxAttempts, failureRatio, degradedMaxPeriodMillis, recoverTimeoutMillis, recoverWaitPeriodMillis,
                recoverAttemptThreshold, fenceTimeoutMillis, acceptedProblematicHostsRatio, heartbeatStaleMillis);
    }
}
