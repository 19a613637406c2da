package io.cellharness.perf;

import io.cellharness.core.model.BondMode;
import io.cellharness.core.network.Bond;
import io.cellharness.core.network.StandardBridge;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * N-06, N-07: the bond's slave choice per frame ({@link Bond#transmitMask}), for each bond mode and
 * {@code slaves} slave NICs, all links up, frames to {@link #DESTINATIONS} different destination MACs in turn.
 *
 * <p>Baseline: picking the next destination MAC and mixing it with the source, which every measured call also does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class BondSelectionBenchmark {

    /** Destination MACs cycled through (a power of two). */
    public static final int DESTINATIONS = 1024;
    private static final long SOURCE = 0x02CE11000010L;

    /** The bond measured. */
    @State(Scope.Thread)
    public static class Link {
        /** The modes, in their YAML spelling. */
        @Param({"active-backup", "round-robin", "balance-xor", "802.3ad", "broadcast"})
        public String mode;

        @Param({"2", "4"})
        public int slaves;

        Bond bond;

        @Setup(Level.Trial)
        public void build() {
            List<String> nics = new ArrayList<>();
            List<Integer> speeds = new ArrayList<>();
            for (int i = 1; i <= slaves; i++) {
                nics.add("eno" + i);
                speeds.add(25);
            }
            bond = new Bond("bond-VM", BondMode.fromYaml(mode), StandardBridge.VM, nics, speeds, true);
        }
    }

    /** The destinations; a state of their own, so that the baseline runs once rather than once per bond. */
    @State(Scope.Thread)
    public static class Frames {
        final long[] destinations = new long[DESTINATIONS];
        int next;

        @Setup(Level.Trial)
        public void draw() {
            SplittableRandom random = new SplittableRandom(BenchmarkClusters.SEED);
            for (int i = 0; i < DESTINATIONS; i++) {
                destinations[i] = random.nextLong() & 0xFEFF_FFFF_FFFFL; // unicast 48-bit MACs
            }
        }

        long nextDestination() {
            long mac = destinations[next];
            next = (next + 1) & (DESTINATIONS - 1);
            return mac;
        }
    }

    @Benchmark
    public long transmitMask(Link link, Frames frames) {
        return link.bond.transmitMask(SOURCE, frames.nextDestination());
    }

    @Benchmark
    public long baselineNextDestination(Frames frames) {
        return SOURCE ^ frames.nextDestination();
    }
}
