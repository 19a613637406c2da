package io.cellharness.reports.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RecoveryHistogramTest {

    @Test
    void noRecoveriesNoHistogram() {
        assertThat(RecoveryHistogram.of(List.of())).isEmpty();
    }

    @Test
    void percentilesAreNearestRankOfObservedValues() {
        List<Long> values = new ArrayList<>();
        for (long v = 1; v <= 200; v++) {
            values.add(v * 1_000);
        }
        RecoveryHistogram h = RecoveryHistogram.of(values).orElseThrow();
        assertThat(h.p50()).isEqualTo(100_000);
        assertThat(h.p99()).isEqualTo(198_000);
        assertThat(h.max()).isEqualTo(200_000);
        // √200 ≈ 15 bins of at least 199 s / 15 ≈ 13.3 s: the nice width is 15 s.
        assertThat(h.binWidthMillis()).isEqualTo(15_000);
        assertThat(h.firstBinMillis()).isZero();
        assertThat(h.counts()).hasSize(14);
        assertThat(h.counts().get(0)).isEqualTo(14); // 1 s .. 14 s
    }

    @Test
    void identicalValuesGetOneReadableBin() {
        RecoveryHistogram h = RecoveryHistogram.of(List.of(42_000L, 42_000L, 42_000L)).orElseThrow();
        assertThat(h.binWidthMillis()).isEqualTo(5_000);
        assertThat(h.firstBinMillis()).isEqualTo(40_000);
        assertThat(h.counts()).containsExactly(3);
        assertThat(h.p50()).isEqualTo(42_000);
        assertThat(h.max()).isEqualTo(42_000);
    }

    @Property(tries = 300)
    void everyValueLandsInTheBinThatCoversIt(
            @ForAll @NotEmpty @Size(max = 2_000) List<@LongRange(min = 0, max = 10_000_000) Long> values) {
        RecoveryHistogram h = RecoveryHistogram.of(values).orElseThrow();

        assertThat(h.samples()).isEqualTo(values.size());
        assertThat(h.counts().size()).isBetween(1, 32);
        assertThat(h.firstBinMillis() % h.binWidthMillis()).isZero();
        for (long v : values) {
            int bin = (int) ((v - h.firstBinMillis()) / h.binWidthMillis());
            assertThat(h.binStart(bin)).isLessThanOrEqualTo(v);
            assertThat(h.binStart(bin + 1)).isGreaterThan(v);
            assertThat(h.counts().get(bin)).isPositive();
        }
        assertThat(h.p50()).isLessThanOrEqualTo(h.p99()).isIn(values);
        assertThat(h.p99()).isLessThanOrEqualTo(h.max()).isIn(values);
        assertThat(h.max()).isEqualTo(values.stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    @Test
    void countAxisStepsAreOneTwoFive() {
        assertThat(HistogramChart.niceCountStep(1)).isEqualTo(1);
        assertThat(HistogramChart.niceCountStep(5)).isEqualTo(1);
        assertThat(HistogramChart.niceCountStep(6)).isEqualTo(2);
        assertThat(HistogramChart.niceCountStep(37)).isEqualTo(10);
        assertThat(HistogramChart.niceCountStep(1_000)).isEqualTo(200);
    }
}
