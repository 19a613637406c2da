package io.cellharness.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellharness.core.limits.Limits;
import org.junit.jupiter.api.Test;

class MonitorSettingsTest {

    @Test
    void defaults_come_from_limits_and_bound_the_stall_below_the_guest_timeout() {
        MonitorSettings d = MonitorSettings.DEFAULTS;

        assertThat(d.probePeriodMillis()).isEqualTo(Limits.MONITOR_PROBE_PERIOD_MILLIS);
        assertThat(d.missThreshold()).isEqualTo(Limits.MONITOR_MISS_THRESHOLD);
        assertThat(d.probeTimeoutMillis()).isEqualTo(Limits.MONITOR_PROBE_TIMEOUT_MILLIS);
        assertThat(d.dampingWindowMillis()).isEqualTo(Limits.MONITOR_DAMPING_WINDOW_MILLIS);
        assertThat(d.firstHoldMillis()).isEqualTo(Limits.MONITOR_DAMPING_FIRST_HOLD_MILLIS);
        assertThat(d.maxHoldMillis()).isEqualTo(Limits.MONITOR_DAMPING_MAX_HOLD_MILLIS);
        assertThat(d.stallBoundMillis()).isEqualTo(2_000L * 3 + 1_000)
                .isLessThan(Limits.GUEST_IO_TIMEOUT_MILLIS);
    }

    @Test
    void the_stall_bound_is_period_times_misses_plus_timeout() {
        assertThat(new MonitorSettings(1_000, 4, 300, 5_000, 1_000, 1_000).stallBoundMillis()).isEqualTo(4_300);
    }

    @Test
    void the_hold_is_none_without_a_repeat_then_doubles_per_repeat_up_to_its_bound() {
        MonitorSettings s = new MonitorSettings(1_000, 3, 500, 20_000, 3_000, 20_000);

        assertThat(s.holdMillis(0)).isZero();
        assertThat(s.holdMillis(1)).isEqualTo(3_000);
        assertThat(s.holdMillis(2)).isEqualTo(6_000);
        assertThat(s.holdMillis(3)).isEqualTo(12_000);
        assertThat(s.holdMillis(4)).isEqualTo(20_000);
        assertThat(s.holdMillis(40)).isEqualTo(20_000);
        assertThat(s.maxRepeats()).isEqualTo(4);
        assertThat(new MonitorSettings(1_000, 3, 500, 20_000, 3_000, 3_000).maxRepeats()).isEqualTo(1);
    }

    @Test
    void nonsense_settings_are_refused_naming_the_setting_and_the_rule() {
        assertThatThrownBy(() -> new MonitorSettings(0, 3, 1, 10, 10, 10)).hasMessage(
                "S-07 monitor probe period is 0 ms; it must be more than 0");
        assertThatThrownBy(() -> new MonitorSettings(1_000, 0, 500, 10_000, 1_000, 1_000)).hasMessage(
                "S-07 monitor miss threshold is 0; it must be at least 1");
        assertThatThrownBy(() -> new MonitorSettings(1_000, 3, 1_000, 10_000, 1_000, 1_000)).hasMessage(
                "S-05 monitor probe timeout is 1000 ms; it must be more than 0 and less than the probe period (1000 ms)");
        assertThatThrownBy(() -> new MonitorSettings(1_000, 3, 500, 999, 1_000, 1_000)).hasMessage(
                "S-09 damping window is 999 ms; it must be at least the probe period (1000 ms)");
        assertThatThrownBy(() -> new MonitorSettings(1_000, 3, 500, 10_000, 999, 1_000)).hasMessage(
                "S-09 first hold is 999 ms; it must be at least the probe period (1000 ms)");
        assertThatThrownBy(() -> new MonitorSettings(1_000, 3, 500, 10_000, 2_000, 1_999)).hasMessage(
                "S-09 hold bound is 1999 ms; it must be at least the first hold (2000 ms)");
        assertThatThrownBy(() -> new MonitorSettings(10_000, 3, 500, 30_000, 10_000, 10_000)).hasMessageStartingWith(
                "S-05 failover stall bound (period x misses + timeout) is 30500 ms; it must stay below the guest's");
    }
}
