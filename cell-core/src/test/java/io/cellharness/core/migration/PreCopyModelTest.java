package io.cellharness.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellharness.core.limits.Limits;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class PreCopyModelTest {

    private static final long GIB = Limits.GIB;
    private static final MigrationOptions DEFAULTS = MigrationOptions.defaults();

    @Test
    void anIdleGuestNeedsOnePassAndNoDowntime() {
        MigrationPrediction p = PreCopyModel.predict(4 * GIB, 0, 10, DEFAULTS);
        assertThat(p.outcome()).isEqualTo(MigrationOutcome.CONVERGED);
        assertThat(p.iterations()).isEqualTo(1);
        assertThat(p.downtimeMillis()).isZero();
        // 4 GiB at 10 Gb/s = 4294967296 B / 1.25e6 B/ms = 3435.97 ms
        assertThat(p.durationMillis()).isEqualTo(3436);
        assertThat(p.bytesTransferred()).isEqualTo(4 * GIB);
        assertThat(p.slowNetwork()).isFalse();
        assertThat(p.advice()).isEmpty();
    }

    @Test
    void a64GibBusyGuestDoesNotConvergeOn1GbpsButDoesOn10() {
        MigrationOptions busy = DEFAULTS.withDirtyRate(500);
        MigrationPrediction slow = PreCopyModel.predict(64 * GIB, 0, 1, busy);
        assertThat(slow.converges()).isFalse();
        assertThat(slow.outcome()).isEqualTo(MigrationOutcome.ABORTED);
        assertThat(slow.iterations()).isEqualTo(Limits.MIGRATION_DEFAULT_MAX_ITERATIONS);
        assertThat(slow.downtimeMillis()).isZero();
        assertThat(slow.slowNetwork()).isTrue();
        assertThat(slow.advice()).anySatisfy(a -> assertThat(a).startsWith("G-03: the management network gives 1 Gb/s;"))
                .anySatisfy(a -> assertThat(a).contains("dirties memory (500 MiB/s) at least as fast as the network "
                        + "sends it (119.2 MiB/s)", "enable auto-converge"))
                .anySatisfy(a -> assertThat(a).contains("keeps running on the source"));

        MigrationPrediction fast = PreCopyModel.predict(64 * GIB, 0, 10, busy);
        assertThat(fast.converges()).isTrue();
        assertThat(fast.iterations()).isEqualTo(6);
        assertThat(fast.downtimeMillis()).isLessThanOrEqualTo(Limits.MIGRATION_DEFAULT_MAX_DOWNTIME_MILLIS);
        assertThat(fast.slowNetwork()).isFalse();
        assertThat(fast.bytesTransferred()).isGreaterThan(64 * GIB);
    }

    @Test
    void autoConvergeThrottlesTheGuestUntilItConverges() {
        MigrationPrediction p = PreCopyModel.predict(64 * GIB, 0, 1, DEFAULTS.withDirtyRate(500).withAutoConverge(true));
        assertThat(p.converges()).isTrue();
        assertThat(p.finalThrottlePercent()).isEqualTo(Limits.MIGRATION_THROTTLE_MAX_PERCENT);
        assertThat(p.iterations()).isEqualTo(12);
    }

    @Test
    void throttleStartsAt20AndStepsBy10() {
        MigrationOptions options = DEFAULTS.withDirtyRate(100_000).withAutoConverge(true);
        assertThat(PreCopyModel.predict(16 * GIB, 0, 10, options.withMaxIterations(1)).finalThrottlePercent()).isZero();
        assertThat(PreCopyModel.predict(16 * GIB, 0, 10, options.withMaxIterations(2)).finalThrottlePercent()).isEqualTo(20);
        assertThat(PreCopyModel.predict(16 * GIB, 0, 10, options.withMaxIterations(3)).finalThrottlePercent()).isEqualTo(30);
        assertThat(PreCopyModel.predict(16 * GIB, 0, 10, options.withMaxIterations(30)).finalThrottlePercent()).isEqualTo(99);
    }

    @Test
    void theSuspendFallbackFinishesWithLongDowntime() {
        MigrationPrediction p = PreCopyModel.predict(64 * GIB, 0, 1,
                DEFAULTS.withDirtyRate(500).withFallback(MigrationFallback.SUSPEND));
        assertThat(p.outcome()).isEqualTo(MigrationOutcome.FORCED);
        assertThat(p.completes()).isTrue();
        // all 64 GiB are dirty again, paused and sent at 1 Gb/s: 68719476736 / 125000 = 549755.8 ms
        assertThat(p.downtimeMillis()).isEqualTo(549_756);
        assertThat(p.advice()).anySatisfy(a -> assertThat(a).isEqualTo(
                "G-03: the suspend fallback pauses the guest for 549756 ms to finish, above the 300 ms limit"));
    }

    @Test
    void unsharedStorageIsCopiedBeforeMemory() {
        MigrationPrediction shared = PreCopyModel.predict(8 * GIB, 0, 10, DEFAULTS);
        MigrationPrediction local = PreCopyModel.predict(8 * GIB, 100 * GIB, 10, DEFAULTS);
        assertThat(local.diskBytes()).isEqualTo(100 * GIB);
        assertThat(local.bytesTransferred()).isEqualTo(108 * GIB);
        // 100 GiB at 1.25e6 B/ms = 85899.3 ms more
        assertThat(local.durationMillis() - shared.durationMillis()).isBetween(85_899L, 85_900L);
        assertThat(local.advice()).containsExactly("G-01: storage is not shared, so 102400 MiB of disk data is copied "
                + "before memory");
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> PreCopyModel.predict(GIB, 0, 0, DEFAULTS)).hasMessage("bandwidth must be > 0 Gb/s, not 0.0");
        assertThatThrownBy(() -> DEFAULTS.withDirtyRate(-1)).hasMessage("dirty rate must be a number of MiB/s >= 0, not -1.0");
        assertThatThrownBy(() -> DEFAULTS.withMaxDowntime(0)).hasMessage("maximum downtime must be > 0 ms, not 0");
        assertThatThrownBy(() -> DEFAULTS.withMaxIterations(0)).hasMessage("maximum iterations must be >= 1, not 0");
        assertThat(MigrationFallback.fromYaml("Suspend")).isEqualTo(MigrationFallback.SUSPEND);
    }

    // ---- properties ----

    @Provide
    Arbitrary<MigrationOptions> options() {
        return Arbitraries.doubles().between(0, 5000).flatMap(dirty ->
                Arbitraries.longs().between(1, 2000).flatMap(downtime ->
                        Arbitraries.integers().between(1, 40).flatMap(passes ->
                                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).flatMap(auto ->
                                        Arbitraries.of(MigrationFallback.class).map(fallback ->
                                                new MigrationOptions(dirty, downtime, auto, passes, fallback, null))))));
    }

    @Property
    void moreBandwidthNeverMakesItSlower(@ForAll @LongRange(min = 0, max = 256L << 30) long memory,
                                         @ForAll @LongRange(min = 0, max = 1L << 40) long disk,
                                         @ForAll @DoubleRange(min = 0.1, max = 100) double bandwidth,
                                         @ForAll @DoubleRange(min = 1, max = 20) double factor,
                                         @ForAll("options") MigrationOptions options) {
        MigrationPrediction narrow = PreCopyModel.predict(memory, disk, bandwidth, options);
        MigrationPrediction wide = PreCopyModel.predict(memory, disk, bandwidth * factor, options);
        if (narrow.converges()) {
            assertThat(wide.converges()).isTrue();
        }
        if (narrow.completes()) {
            assertThat(wide.completes()).isTrue();
            assertThat(wide.durationMillis()).isLessThanOrEqualTo(narrow.durationMillis());
            // Downtime is not monotone: converging a pass earlier can leave more (still within the limit) to send.
        }
        assertThat(wide.iterations()).isLessThanOrEqualTo(narrow.iterations());
    }

    @Property
    void aDirtyRateAboveTheBandwidthNeverConvergesWithoutAutoConverge(
            @ForAll @DoubleRange(min = 0.1, max = 100) double bandwidthGbps,
            @ForAll @DoubleRange(min = 1.01, max = 50) double overshoot,
            @ForAll @LongRange(min = 1, max = 256L << 30) long memory,
            @ForAll("options") MigrationOptions options) {
        double bandwidthMibPerSecond = bandwidthGbps * 1e9 / 8 / Limits.MIB;
        double bytesInDowntime = bandwidthGbps * 1e9 / 8 / 1000 * options.maxDowntimeMillis();
        // A VM whose whole memory fits in one downtime window converges whatever it dirties.
        Assume.that(memory > bytesInDowntime);
        MigrationOptions busy = options.withAutoConverge(false).withDirtyRate(bandwidthMibPerSecond * overshoot);
        MigrationPrediction p = PreCopyModel.predict(memory, 0, bandwidthGbps, busy);
        assertThat(p.converges()).isFalse();
        assertThat(p.iterations()).isEqualTo(busy.maxIterations());
        assertThat(p.advice()).anySatisfy(a -> assertThat(a).contains("at least as fast as the network sends it"));
    }

    @Property
    void predictionsKeepTheirPromises(@ForAll @LongRange(min = 0, max = 64L << 30) long memory,
                                      @ForAll @LongRange(min = 0, max = 64L << 30) long disk,
                                      @ForAll @DoubleRange(min = 0.1, max = 100) double bandwidth,
                                      @ForAll("options") MigrationOptions options) {
        MigrationPrediction p = PreCopyModel.predict(memory, disk, bandwidth, options);
        assertThat(p.iterations()).isBetween(1, options.maxIterations());
        assertThat(p.finalThrottlePercent()).isBetween(0, Limits.MIGRATION_THROTTLE_MAX_PERCENT);
        if (!options.autoConverge()) {
            assertThat(p.finalThrottlePercent()).isZero();
        }
        if (p.converges()) {
            assertThat(p.downtimeMillis()).isLessThanOrEqualTo(options.maxDowntimeMillis());
        }
        if (p.completes()) {
            assertThat(p.bytesTransferred()).isGreaterThanOrEqualTo(memory + disk);
        } else {
            assertThat(p.downtimeMillis()).isZero();
        }
        assertThat(p.durationMillis()).isGreaterThanOrEqualTo(p.downtimeMillis());
        assertThat(p.slowNetwork()).isEqualTo(bandwidth < Limits.MIGRATION_RECOMMENDED_BANDWIDTH_GBPS);
        assertThat(PreCopyModel.predict(memory, disk, bandwidth, options)).as("a pure function").isEqualTo(p);
    }

    @Property
    void autoConvergeNeverHurts(@ForAll @LongRange(min = 1, max = 128L << 30) long memory,
                                @ForAll @DoubleRange(min = 0.1, max = 100) double bandwidth,
                                @ForAll @DoubleRange(min = 0, max = 5000) double dirty,
                                @ForAll @IntRange(min = 1, max = 40) int passes) {
        MigrationOptions plain = MigrationOptions.defaults().withDirtyRate(dirty).withMaxIterations(passes);
        if (PreCopyModel.predict(memory, 0, bandwidth, plain).converges()) {
            assertThat(PreCopyModel.predict(memory, 0, bandwidth, plain.withAutoConverge(true)).converges()).isTrue();
        }
    }
}
