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
        assertThat(d.stablePeriodMillis()).isEqualTo(Limits.MONITOR_STABLE_PERIOD_MILLIS);
        assertThat(d.stallBoundMillis()).isEqualTo(2_000L * 3 + 1_000)
                .isLessThan(Limits.GUEST_IO_TIMEOUT_MILLIS);
    }

    @Test
    void the_stall_bound_is_period_times_misses_plus_timeout() {
        assertThat(new MonitorSettings(1_000, 4, 300, 5_000).stallBoundMillis()).isEqualTo(4_300);
    }

    @Test
    void nonsense_settings_are_refused_naming_the_setting_and_the_rule() {
        assertThatThrownBy(() -> new MonitorSettings(0, 3, 1, 10)).hasMessage(
                "S-07 monitor probe period is 0 ms; it must be more than 0");
        assertThatThrownBy(() -> new MonitorSettings(1_000, 0, 500, 10_000)).hasMessage(
                "S-07 monitor miss threshold is 0; it must be at least 1");
        assertThatThrownBy(() -> new MonitorSettings(1_000, 3, 1_000, 10_000)).hasMessage(
                "S-05 monitor probe timeout is 1000 ms; it must be more than 0 and less than the probe period (1000 ms)");
        assertThatThrownBy(() -> new MonitorSettings(1_000, 3, 500, 999)).hasMessage(
                "S-09 stable period is 999 ms; it must be at least the probe period (1000 ms)");
        assertThatThrownBy(() -> new MonitorSettings(10_000, 3, 500, 30_000)).hasMessageStartingWith(
                "S-05 failover stall bound (period x misses + timeout) is 30500 ms; it must stay below the guest's");
    }
}
