package io.cellharness.core.ha.cloudstack;

import static io.cellharness.core.ha.cloudstack.CloudStackHaState.AVAILABLE;
import static io.cellharness.core.ha.cloudstack.CloudStackHaState.CHECKING;
import static io.cellharness.core.ha.cloudstack.CloudStackHaState.DEGRADED;
import static io.cellharness.core.ha.cloudstack.CloudStackHaState.DISABLED;
import static io.cellharness.core.ha.cloudstack.CloudStackHaState.FENCED;
import static io.cellharness.core.ha.cloudstack.CloudStackHaState.FENCING;
import static io.cellharness.core.ha.cloudstack.CloudStackHaState.INELIGIBLE;
import static io.cellharness.core.ha.cloudstack.CloudStackHaState.RECOVERED;
import static io.cellharness.core.ha.cloudstack.CloudStackHaState.RECOVERING;
import static io.cellharness.core.ha.cloudstack.CloudStackHaState.SUSPECT;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * CloudStack's {@code HAConfig.Event} and the transitions its state machine allows ({@code HAConfig.HAState}'s FSM,
 * transcribed). An event a state has no transition for is ignored, as CloudStack's {@code transitionHAState} logs a
 * {@code NoTransitionException} and leaves the state: e.g. Fencing has no exit but Fenced and Disabled.
 */
public enum CloudStackHaEvent {
    ELIGIBLE,
    INELIGIBLE_EVENT,
    DISABLED_EVENT,
    ENABLED,
    HEALTH_CHECK_PASSED,
    HEALTH_CHECK_FAILED,
    PERFORM_ACTIVITY_CHECK,
    TOO_FEW_ACTIVITY_CHECK_SAMPLES,
    PERIODIC_RECHECK_RESOURCE_ACTIVITY,
    ACTIVITY_CHECK_FAILURE_OVER_THRESHOLD_RATIO,
    ACTIVITY_CHECK_FAILURE_UNDER_THRESHOLD_RATIO,
    RECOVERED_EVENT,
    RETRY_RECOVERY,
    RECOVERY_WAIT_PERIOD_TIMEOUT,
    RECOVERY_OPERATION_THRESHOLD_EXCEEDED,
    RETRY_FENCING,
    FENCED_EVENT;

    private static final Map<CloudStackHaState, Map<CloudStackHaEvent, CloudStackHaState>> FSM =
            new EnumMap<>(CloudStackHaState.class);

    private static void add(CloudStackHaState from, CloudStackHaEvent event, CloudStackHaState to) {
        FSM.computeIfAbsent(from, k -> new EnumMap<>(CloudStackHaEvent.class)).put(event, to);
    }

    static {
        add(DISABLED, ENABLED, AVAILABLE);

        add(INELIGIBLE, DISABLED_EVENT, DISABLED);
        add(INELIGIBLE, INELIGIBLE_EVENT, INELIGIBLE);
        add(INELIGIBLE, ELIGIBLE, AVAILABLE);

        add(AVAILABLE, DISABLED_EVENT, DISABLED);
        add(AVAILABLE, INELIGIBLE_EVENT, INELIGIBLE);
        add(AVAILABLE, HEALTH_CHECK_PASSED, AVAILABLE);
        add(AVAILABLE, HEALTH_CHECK_FAILED, SUSPECT);

        add(SUSPECT, DISABLED_EVENT, DISABLED);
        add(SUSPECT, INELIGIBLE_EVENT, INELIGIBLE);
        add(SUSPECT, HEALTH_CHECK_FAILED, SUSPECT);
        add(SUSPECT, PERFORM_ACTIVITY_CHECK, CHECKING);
        add(SUSPECT, HEALTH_CHECK_PASSED, AVAILABLE);

        add(CHECKING, DISABLED_EVENT, DISABLED);
        add(CHECKING, INELIGIBLE_EVENT, INELIGIBLE);
        add(CHECKING, TOO_FEW_ACTIVITY_CHECK_SAMPLES, SUSPECT);
        add(CHECKING, ACTIVITY_CHECK_FAILURE_UNDER_THRESHOLD_RATIO, DEGRADED);
        add(CHECKING, ACTIVITY_CHECK_FAILURE_OVER_THRESHOLD_RATIO, RECOVERING);
        add(CHECKING, HEALTH_CHECK_PASSED, AVAILABLE);

        add(DEGRADED, DISABLED_EVENT, DISABLED);
        add(DEGRADED, INELIGIBLE_EVENT, INELIGIBLE);
        add(DEGRADED, HEALTH_CHECK_FAILED, DEGRADED);
        add(DEGRADED, HEALTH_CHECK_PASSED, AVAILABLE);
        add(DEGRADED, PERIODIC_RECHECK_RESOURCE_ACTIVITY, SUSPECT);

        add(RECOVERING, DISABLED_EVENT, DISABLED);
        add(RECOVERING, INELIGIBLE_EVENT, INELIGIBLE);
        add(RECOVERING, RETRY_RECOVERY, RECOVERING);
        add(RECOVERING, RECOVERED_EVENT, RECOVERED);
        add(RECOVERING, RECOVERY_OPERATION_THRESHOLD_EXCEEDED, FENCING);

        add(RECOVERED, DISABLED_EVENT, DISABLED);
        add(RECOVERED, INELIGIBLE_EVENT, INELIGIBLE);
        add(RECOVERED, RECOVERY_WAIT_PERIOD_TIMEOUT, AVAILABLE);

        add(FENCING, DISABLED_EVENT, DISABLED);
        add(FENCING, INELIGIBLE_EVENT, INELIGIBLE);
        add(FENCING, RETRY_FENCING, FENCING);
        add(FENCING, FENCED_EVENT, FENCED);

        add(FENCED, DISABLED_EVENT, DISABLED);
        add(FENCED, RETRY_FENCING, FENCED);
        add(FENCED, HEALTH_CHECK_PASSED, INELIGIBLE);
        add(FENCED, HEALTH_CHECK_FAILED, FENCED);
    }

    /** Where {@code event} takes a resource in state {@code from}; empty when CloudStack's FSM has no such transition. */
    public Optional<CloudStackHaState> next(CloudStackHaState from) {
        Map<CloudStackHaEvent, CloudStackHaState> out = FSM.get(from);
        return Optional.ofNullable(out == null ? null : out.get(this));
    }

    /** CloudStack's spelling, e.g. {@code HealthCheckFailed}. */
    public String word() {
        StringBuilder b = new StringBuilder();
        String base = name().endsWith("_EVENT") ? name().substring(0, name().length() - "_EVENT".length()) : name();
        for (String part : base.split("_")) {
            b.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return b.toString();
    }
}
