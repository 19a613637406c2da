package io.cellharness.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VirtualTimeTest {

    @Test
    void labelsReadLikeDurations() {
        assertThat(VirtualTime.label(0)).isEqualTo("0s");
        assertThat(VirtualTime.label(250)).isEqualTo("250ms");
        assertThat(VirtualTime.label(1_500)).isEqualTo("1.5s");
        assertThat(VirtualTime.label(45_000)).isEqualTo("45s");
        assertThat(VirtualTime.label(60_000)).isEqualTo("1m");
        assertThat(VirtualTime.label(90_000)).isEqualTo("1m30s");
        assertThat(VirtualTime.label(123_250)).isEqualTo("2m03.25s");
        assertThat(VirtualTime.label(3_600_000)).isEqualTo("1h");
        assertThat(VirtualTime.label(3_900_000)).isEqualTo("1h05m");
        assertThat(VirtualTime.label(3_601_000)).isEqualTo("1h00m01s");
        assertThat(VirtualTime.label(-2_000)).isEqualTo("-2s");
    }

    @Test
    void axisStepsAreNiceAndKeepTheTickCountBounded() {
        assertThat(VirtualTime.axisStep(180_000, 14)).isEqualTo(15_000);
        assertThat(VirtualTime.axisStep(900, 10)).isEqualTo(100);
        assertThat(VirtualTime.axisStep(3 * 3_600_000L, 12)).isEqualTo(15 * 60_000L);
        assertThat(VirtualTime.axisStep(0, 10)).isEqualTo(1);
        for (long end = 1; end < 100_000_000L; end = end * 3 + 7) {
            long step = VirtualTime.axisStep(end, 12);
            assertThat(end / step).as("intervals for end %d", end).isLessThanOrEqualTo(12);
        }
    }

    @Test
    void ticksStartAtZeroAndIncludeTheEnd() {
        assertThat(VirtualTime.ticks(60_000, 15_000)).containsExactly(0L, 15_000L, 30_000L, 45_000L, 60_000L);
        assertThat(VirtualTime.ticks(50_000, 15_000)).containsExactly(0L, 15_000L, 30_000L, 45_000L);
    }

    @Test
    void beyondADayStepsAreWholeDays() {
        assertThat(VirtualTime.niceStepAtLeast(25 * 3_600_000L)).isEqualTo(2 * 24 * 3_600_000L);
    }
}
