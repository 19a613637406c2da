package io.cellharness.sim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cellharness.core.ha.HaPolicy;
import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.ha.cloudstack.CloudStackHaSettings;

/**
 * HA settings a scenario changes from the defaults, e.g. to show what an unsafe lease timeout does, and the HA policy
 * the manager runs.
 *
 * @param suspectAfter     how long without heartbeats before a host is suspected
 * @param leaseTimeout     how long without storage and management heartbeats before a lease expires
 * @param massFailureShare the share of failed-looking hosts above which nothing is fenced
 * @param policy           {@code cell} (default) or {@code cloudstack}: CloudStack KVM Host HA, as Mold runs it
 * @param cloudstack       the CloudStack policy's settings changed from KVMHAConfig's defaults
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HaOverrides(
        @JsonProperty("suspectAfter") VirtualDuration suspectAfter,
        @JsonProperty("leaseTimeout") VirtualDuration leaseTimeout,
        @JsonProperty("massFailureShare") Double massFailureShare,
        @JsonProperty("policy") String policy,
        @JsonProperty("cloudstack") CloudStack cloudstack) {

    /**
     * CloudStack's activity-check settings, as operators tune them.
     *
     * @param activityCheckInterval    {@code kvm.ha.activity.check.interval}
     * @param activityCheckMaxAttempts {@code kvm.ha.activity.check.max.attempts}
     * @param activityCheckFailureRatio {@code kvm.ha.activity.check.failure.ratio}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CloudStack(
            @JsonProperty("activityCheckInterval") VirtualDuration activityCheckInterval,
            @JsonProperty("activityCheckMaxAttempts") Integer activityCheckMaxAttempts,
            @JsonProperty("activityCheckFailureRatio") Double activityCheckFailureRatio) {
    }

    public HaSettings applyTo(HaSettings s) {
        return new HaSettings(s.heartbeatPeriodMillis(), s.neighbours(), s.checkMePeriodMillis(),
                s.neighbourSilenceMillis(), s.probeTimeoutMillis(),
                suspectAfter == null ? s.suspectAfterMillis() : suspectAfter.millis(), s.checkTimeoutMillis(),
                s.storageCheckWindowMillis(), leaseTimeout == null ? s.leaseTimeoutMillis() : leaseTimeout.millis(),
                s.fenceCommandTimeoutMillis(), s.fenceConfirmDelayMillis(), s.fenceConfirmReads(),
                s.fenceRetryBaseMillis(), s.fenceRetryMaxMillis(), s.powerOnAfterFence(),
                massFailureShare == null ? s.massFailureShare() : massFailureShare, s.operationTimeoutMillis(),
                s.placementRetryMillis());
    }

    /** The policy named, Cell when none is. */
    public HaPolicy policyOrDefault() {
        return policy == null ? HaPolicy.CELL : HaPolicy.parse(policy);
    }

    /** CloudStack's settings with this scenario's changes. */
    public CloudStackHaSettings applyTo(CloudStackHaSettings s) {
        if (cloudstack == null) {
            return s;
        }
        return s.withActivityChecks(
                cloudstack.activityCheckInterval() == null ? s.activityCheckIntervalMillis()
                        : cloudstack.activityCheckInterval().millis(),
                cloudstack.activityCheckMaxAttempts() == null ? s.activityCheckMaxAttempts()
                        : cloudstack.activityCheckMaxAttempts(),
                cloudstack.activityCheckFailureRatio() == null ? s.activityCheckFailureRatio()
                        : cloudstack.activityCheckFailureRatio());
    }
}
