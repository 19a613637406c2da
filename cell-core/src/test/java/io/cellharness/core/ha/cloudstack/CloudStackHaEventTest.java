package io.cellharness.core.ha.cloudstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.ha.HaPolicy;
import io.cellharness.core.ha.HostHaState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CloudStack's HAConfig state machine and KVMHAConfig's defaults, as the cloudstack policy carries them. */
class CloudStackHaEventTest {

    @Test
    void fencingHasNoExitButFencedDisabledOrIneligible() {
        List<CloudStackHaEvent> exits = new ArrayList<>();
        for (CloudStackHaEvent e : CloudStackHaEvent.values()) {
            e.next(CloudStackHaState.FENCING).filter(to -> to != CloudStackHaState.FENCING).ifPresent(to -> exits.add(e));
        }
        // #13376, #13589: a failing fence keeps the host in Fencing; a passing health check does not take it out.
        assertThat(exits).containsExactlyInAnyOrder(CloudStackHaEvent.FENCED_EVENT, CloudStackHaEvent.DISABLED_EVENT,
                CloudStackHaEvent.INELIGIBLE_EVENT);
        assertThat(CloudStackHaEvent.HEALTH_CHECK_PASSED.next(CloudStackHaState.FENCING)).isEmpty();
        assertThat(CloudStackHaEvent.RETRY_FENCING.next(CloudStackHaState.FENCING)).contains(CloudStackHaState.FENCING);
    }

    @Test
    void activityChecksDecideBetweenRecoveringDegradedAndMoreSamples() {
        assertThat(CloudStackHaEvent.ACTIVITY_CHECK_FAILURE_OVER_THRESHOLD_RATIO.next(CloudStackHaState.CHECKING))
                .contains(CloudStackHaState.RECOVERING);
        assertThat(CloudStackHaEvent.ACTIVITY_CHECK_FAILURE_UNDER_THRESHOLD_RATIO.next(CloudStackHaState.CHECKING))
                .contains(CloudStackHaState.DEGRADED);
        assertThat(CloudStackHaEvent.TOO_FEW_ACTIVITY_CHECK_SAMPLES.next(CloudStackHaState.CHECKING))
                .contains(CloudStackHaState.SUSPECT);
        assertThat(CloudStackHaEvent.RECOVERY_OPERATION_THRESHOLD_EXCEEDED.next(CloudStackHaState.RECOVERING))
                .contains(CloudStackHaState.FENCING);
        assertThat(CloudStackHaEvent.HEALTH_CHECK_PASSED.next(CloudStackHaState.FENCED))
                .contains(CloudStackHaState.INELIGIBLE);
        assertThat(CloudStackHaEvent.RECOVERY_WAIT_PERIOD_TIMEOUT.next(CloudStackHaState.RECOVERED))
                .contains(CloudStackHaState.AVAILABLE);
        // Recovered waits its period: a health check does not end it early.
        assertThat(CloudStackHaEvent.HEALTH_CHECK_PASSED.next(CloudStackHaState.RECOVERED)).isEmpty();
    }

    @Test
    void theTenStatesAreCloudStacksAndMapOntoTheCommonVocabulary() {
        assertThat(List.of(CloudStackHaState.values()).stream().map(CloudStackHaState::word).toList())
                .containsExactlyInAnyOrder("Available", "Suspect", "Checking", "Degraded", "Recovering", "Recovered",
                        "Fencing", "Fenced", "Ineligible", "Disabled");
        assertThat(CloudStackHaState.AVAILABLE.common()).isEqualTo(HostHaState.UP);
        assertThat(CloudStackHaState.FENCING.common()).isEqualTo(HostHaState.FENCING);
        assertThat(CloudStackHaEvent.HEALTH_CHECK_FAILED.word()).isEqualTo("HealthCheckFailed");
        assertThat(CloudStackHaEvent.FENCED_EVENT.word()).isEqualTo("Fenced");
        assertThat(HaPolicy.parse("CloudStack")).isEqualTo(HaPolicy.CLOUDSTACK);
    }

    @Test
    void defaultsAreKvmHaConfigs() {
        CloudStackHaSettings d = CloudStackHaSettings.DEFAULTS;
        assertThat(d.healthCheckTimeoutMillis()).isEqualTo(10_000);
        assertThat(d.activityCheckIntervalMillis()).isEqualTo(60_000);
        assertThat(d.activityCheckMaxAttempts()).isEqualTo(10);
        assertThat(d.activityCheckFailureRatio()).isEqualTo(0.7);
        assertThat(d.recoverWaitPeriodMillis()).isEqualTo(600_000);
        assertThat(d.fenceTimeoutMillis()).isEqualTo(60_000);
        assertThat(d.acceptedProblematicHostsRatio()).isEqualTo(0.3);
        assertThat(d.degradedMaxPeriodMillis()).isEqualTo(300_000);
        assertThat(d.recoverAttemptThreshold()).isEqualTo(1);
    }
}
