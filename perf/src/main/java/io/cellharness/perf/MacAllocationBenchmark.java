package io.cellharness.perf;

import io.cellharness.core.mac.MacAddress;
import io.cellharness.core.mac.MacAllocator;
import io.cellharness.core.mac.NicRef;
import io.cellharness.core.port.RandomSource;
import io.cellharness.core.port.SeededRandom;
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
 * M-01: assigning a fresh MAC when {@code allocated} NICs already hold one (of the 2^24 assignable addresses). Each
 * operation allocates a MAC and releases it again, so the allocator stays at {@code allocated}; allocations per
 * second are therefore counted with their release (a conservative figure).
 *
 * <p>Baseline: the seeded draw alone, the floor of any allocation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class MacAllocationBenchmark {

    private static final NicRef NIC = new NicRef("vm-bench", 0);

    /** An allocator already holding {@code allocated} MACs. */
    @State(Scope.Thread)
    public static class Filled {
        @Param({"10000", "100000", "1000000"})
        public int allocated;

        MacAllocator allocator;

        @Setup(Level.Trial)
        public void fill() {
            allocator = new MacAllocator(new SeededRandom(BenchmarkClusters.SEED));
            for (int i = 0; i < allocated; i++) {
                allocator.allocate(new NicRef("vm" + i / 8, i % 8));
            }
            if (allocator.size() != allocated) {
                throw new IllegalStateException("expected " + allocated + " MACs, have " + allocator.size());
            }
        }
    }

    /** The seeded stream alone; a state of its own, so that the baseline runs once rather than once per size. */
    @State(Scope.Thread)
    public static class Draws {
        final RandomSource random = new SeededRandom(BenchmarkClusters.SEED);
    }

    @Benchmark
    public MacAddress allocateAndRelease(Filled filled) {
        MacAddress mac = filled.allocator.allocate(NIC);
        filled.allocator.release(mac);
        return mac;
    }

    @Benchmark
    public long baselineDraw(Draws draws) {
        return draws.random.nextLong() & 0xFF_FFFFL;
    }
}
