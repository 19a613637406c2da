package io.cellharness.sim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cellharness.core.ha.HaSettings;

/**
 * HA settings a scenario changes from the defaults, e.g. to show what an unsafe lease timeout does.
 *
 * @param suspectAfter     how long without heartbeats before a host is suspected
 * @param leaseTimeout     how long without storage and management heartbeats before a lease expires
 * @param massFailureShare the share of failed-looking hosts above which nothing is fenced
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HaOverrides(
        @JsonProperty("suspectAfter") VirtualDuration suspectAfter,
        @JsonProperty("leaseTimeout") VirtualDuration leaseTimeout,
        @JsonProperty("massFailureShare") Double massFailureShare) {

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
}
