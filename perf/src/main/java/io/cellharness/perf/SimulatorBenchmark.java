package io.cellharness.perf;

import io.cellharness.sim.Simulation;
import io.cellharness.sim.scenario.SimRequest;
import io.cellharness.sim.scenario.SimRun;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * The simulator's event loop: one simulated hour of a quiet cluster (no faults) with the HA engine running at its
 * defaults (1 s heartbeats, neighbour checks, storage heartbeats, watchdogs), 20 VMs per host. The score is the wall
 * time of that hour; the {@code events} counter is how many events it took, so events per second and the speed as a
 * multiple of real time follow from the two (the report computes them).
 *
 * <p>Baseline: the kernel alone, one hour of one periodic no-op timer per host: the cost of the event queue without
 * the engine, the world or the invariants.
 *
 * <p>Each invocation is a fresh run built in an untimed setup; single-shot, because an hour of 1,000 hosts takes
 * minutes. perf/run gives 1,000 hosts one measured iteration and the smaller sizes several.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@State(Scope.Thread)
public class SimulatorBenchmark {

    @Param({"10", "100", "1000"})
    public int hosts;

    /** A fresh quiet cluster for every invocation, built untimed. */
    @State(Scope.Thread)
    public static class QuietCluster {
        private SimRequest request;
        private SimRun run;

        @Setup(Level.Trial)
        public void describe(SimulatorBenchmark size) {
            request = BenchmarkClusters.quietRun(size.hosts, BenchmarkClusters.HOUR_MILLIS);
        }

        @Setup(Level.Invocation)
        public void prepare() {
            run = SimRun.prepare(request);
        }
    }

    /** A bare kernel with one periodic no-op timer per host, for every invocation. */
    @State(Scope.Thread)
    public static class BareKernel {
        private Simulation kernel;

        @Setup(Level.Invocation)
        public void prepare(SimulatorBenchmark size) {
            kernel = new Simulation(BenchmarkClusters.SEED);
            for (int h = 0; h < size.hosts; h++) {
                kernel.periodic(h, 1_000, "tick", () -> { });
            }
        }
    }

    /** Events executed in the iteration; reported beside the time, not normalised. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Events {
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    @Benchmark
    public long simulateOneHour(QuietCluster cluster, Events counter) {
        SimRun run = cluster.run;
        Simulation.Stop stop = run.runTo(BenchmarkClusters.HOUR_MILLIS);
        if (stop != Simulation.Stop.DEADLINE) {
            // A safety violation or the event cap would end the hour early and flatter the figures.
            throw new IllegalStateException("the quiet " + run.cluster().hosts().size() + "-host run stopped early: "
                    + stop);
        }
        counter.events += run.sim().executedEvents();
        return run.sim().nowMillis();
    }

    @Benchmark
    public long baselineKernelOnlyOneHour(BareKernel bare, Events counter) {
        Simulation kernel = bare.kernel;
        kernel.runUntil(() -> false, BenchmarkClusters.HOUR_MILLIS, Long.MAX_VALUE);
        counter.events += kernel.executedEvents();
        return kernel.nowMillis();
    }
}
