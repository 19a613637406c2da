package io.cellharness.perf;

import io.cellharness.core.migration.MigrationFallback;
import io.cellharness.core.migration.MigrationOptions;
import io.cellharness.core.migration.MigrationPrediction;
import io.cellharness.core.migration.PreCopyModel;
import io.cellharness.core.model.Size;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * G-01, G-03: one pre-copy prediction ({@link PreCopyModel#predict}) of a 16 GiB guest on shared storage over
 * 10 Gb/s, for cases that take a different number of passes:
 *
 * <ul>
 *   <li>{@code idle}: a guest that dirties nothing converges after the first pass;</li>
 *   <li>{@code busy-auto-converge}: 900 MiB/s dirtied, auto-converge throttles it until it converges;</li>
 *   <li>{@code busy-aborts}: 1,500 MiB/s dirtied without auto-converge never converges; the pass cap aborts it, with
 *       advice;</li>
 *   <li>{@code slow-network-suspend}: 1 Gb/s, 64 MiB/s dirtied, suspend fallback, 20 GiB of local disk copied
 *       first: every kind of advice.</li>
 * </ul>
 * Baseline: returning a prediction computed beforehand, the cost of the call's frame and result.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class PreCopyBenchmark {

    private static final long MEMORY = Size.ofGiB(16).bytes();

    /** One migration case. */
    @State(Scope.Thread)
    public static class Case {
        @Param({"idle", "busy-auto-converge", "busy-aborts", "slow-network-suspend"})
        public String migration;

        MigrationOptions options;
        long diskBytes;
        double bandwidthGbps;

        @Setup(Level.Trial)
        public void describe() {
            MigrationOptions defaults = MigrationOptions.defaults();
            bandwidthGbps = 10;
            switch (migration) {
                case "idle" -> options = defaults;
                case "busy-auto-converge" -> options = defaults.withDirtyRate(900).withAutoConverge(true);
                case "busy-aborts" -> options = defaults.withDirtyRate(1_500);
                case "slow-network-suspend" -> {
                    options = defaults.withDirtyRate(64).withFallback(MigrationFallback.SUSPEND);
                    bandwidthGbps = 1;
                    diskBytes = Size.ofGiB(20).bytes();
                }
                default -> throw new IllegalArgumentException("unknown migration case " + migration);
            }
        }

        MigrationPrediction predict() {
            return PreCopyModel.predict(MEMORY, diskBytes, bandwidthGbps, options);
        }
    }

    /** A prediction made beforehand, for the baseline. */
    @State(Scope.Thread)
    public static class Made {
        final MigrationPrediction prediction = PreCopyModel.predict(MEMORY, 0, 10, MigrationOptions.defaults());
    }

    /** What {@code migration} predicts, for the report (outcome and passes). */
    public static MigrationPrediction describeCase(String migration) {
        Case c = new Case();
        c.migration = migration;
        c.describe();
        return c.predict();
    }

    @Benchmark
    public MigrationPrediction predict(Case c) {
        return c.predict();
    }

    @Benchmark
    public MigrationPrediction baselineReturnPrediction(Made made) {
        return made.prediction;
    }
}
