package io.cellharness.perf;

import io.cellharness.sim.Simulation;
import io.cellharness.sim.scenario.RandomScenario;
import io.cellharness.sim.scenario.SimRequest;
import io.cellharness.sim.scenario.SimRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of issue 18, measured in one process as one would time a run by hand: wall time of a stretch of
 * simulated time after a warm-up stretch, events counted by the kernel. Not JMH: several figures are minutes of one
 * run, where a single shot is what an engineer waits for. Uses only the public simulator API that the build before
 * issue 18 already had, so the same source measures "today" (run against that build's jar with Java's source
 * launcher) and "new":
 *
 * <pre>
 *   java -cp perf/target/benchmarks.jar io.cellharness.perf.SimulatorTable OUT.properties [FIGURE...]
 *   java -cp OLD/benchmarks.jar perf/src/main/java/io/cellharness/perf/SimulatorTable.java OUT.properties
 * </pre>
 *
 * Writes {@code key=value} lines (one per figure); {@link io.cellharness.perf.report.IssueTable} prints the table.
 */
public final class SimulatorTable {

    private static final long MINUTE = 60_000L;
    private static final long SEED = BenchmarkClusters.SEED;

    private SimulatorTable() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SimulatorTable OUT.properties [kernel|quiet|random|scaling|density|big|memory|sweep]...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        List<String> figures = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("kernel", "quiet", "random", "scaling", "density", "big", "memory", "sweep");
        Map<String, String> results = new LinkedHashMap<>();
        if (Files.exists(out)) {
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    results.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        PrintStream log = System.err;
        for (String f : figures) {
            switch (f) {
                case "kernel" -> put(results, "kernel.eventsPerSecond", kernel());
                case "quiet" -> {
                    double[] q = quiet(100, 10 * MINUTE);
                    put(results, "quiet100.speed", q[0]);
                    put(results, "quiet100.eventsPerSecond", q[1]);
                }
                case "random" -> {
                    double[] r = random(100, 10 * MINUTE);
                    put(results, "random100.speed", r[0]);
                    put(results, "random100.eventsPerHostSecond", r[2]);
                }
                case "scaling" -> {
                    double small = quiet(10, 30 * MINUTE)[1];
                    double big = quiet(1000, 2 * MINUTE)[1];
                    put(results, "quiet10.eventsPerSecond", small);
                    put(results, "quiet1000.eventsPerSecond", big);
                    put(results, "scaling.ratio", big / small);
                }
                case "density" -> {
                    for (int hosts : new int[] {10, 50, 100, 300}) {
                        double[] r = random(hosts, hosts >= 300 ? 2 * MINUTE : 5 * MINUTE);
                        put(results, "random" + hosts + ".eventsPerHostSecond", r[2]);
                        put(results, "random" + hosts + ".speed", r[0]);
                    }
                }
                case "big" -> {
                    double[] r = random(1000, 10 * MINUTE);
                    put(results, "random1000.speed", r[0]);
                    put(results, "random1000.eventsPerHostSecond", r[2]);
                }
                case "memory" -> put(results, "memory1000.heapMiB", memory(1000, 20_000));
                case "sweep" -> {
                    int seeds = Integer.getInteger("cell.sweepSeeds", 200);
                    sweep(Math.min(seeds, 10), 2); // warm-up, so the 1-job pass does not pay the JIT alone
                    double one = sweep(seeds, 1);
                    double two = sweep(seeds, 2);
                    put(results, "sweep.seedsPerSecond.jobs1", one);
                    put(results, "sweep.seedsPerSecond.jobs2", two);
                    put(results, "sweep.jobs2OverJobs1", two / one);
                    put(results, "sweep2000.seconds", 2000 / Math.max(one, two));
                }
                default -> {
                    System.err.println("unknown figure " + f);
                    System.exit(2);
                }
            }
            log.println("SimulatorTable: " + f + " done " + results);
            write(out, results);
        }
    }

    private static void put(Map<String, String> results, String key, double value) {
        results.put(key, String.format(Locale.ROOT, "%.4g", value));
    }

    private static void write(Path out, Map<String, String> results) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# issue 18 figures, measured by io.cellharness.perf.SimulatorTable; load "
                + loadAverage());
        results.forEach((k, v) -> lines.add(k + "=" + v));
        Files.write(out, lines, StandardCharsets.UTF_8);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Bare kernel: 100,000 no-op periodic timers pending, the events/s of running through them. */
    static double kernel() {
        double best = 0;
        for (int round = 0; round < 4; round++) {
            Simulation kernel = new Simulation(SEED);
            int timers = 100_000;
            for (int i = 0; i < timers; i++) {
                kernel.periodic(i % 1000, 1_000, "tick", () -> { });
            }
            long budget = 5_000_000;
            long t0 = System.nanoTime();
            kernel.runUntil(() -> false, Long.MAX_VALUE, budget);
            long t1 = System.nanoTime();
            double rate = kernel.executedEvents() / ((t1 - t0) / 1e9);
            best = Math.max(best, round == 0 ? 0 : rate);
        }
        return best;
    }

    /** A quiet cluster of {@code hosts} x 20 VMs: {speed (x real time), events/s, events per host per second}. */
    static double[] quiet(int hosts, long measuredMillis) {
        SimRequest request = BenchmarkClusters.quietRun(hosts, 2 * MINUTE + measuredMillis);
        return measure(SimRun.prepare(request), hosts, measuredMillis);
    }

    /** The random mode with {@code hosts} x 20 VMs, faults and all. */
    static double[] random(int hosts, long measuredMillis) {
        SimRequest request = RandomScenario.generate(SEED, hosts, hosts * BenchmarkClusters.VMS_PER_HOST,
                2 * MINUTE + measuredMillis + MINUTE);
        return measure(SimRun.prepare(request), hosts, measuredMillis);
    }

    /**
     * Runs a warm-up (two simulated minutes, or {@link #WARMUP_WALL_NANOS} of wall time if that comes first), then
     * times {@code measuredMillis} of simulated time, cut at {@link #MEASURE_WALL_NANOS} of wall time so that a size
     * the build cannot run in reasonable time still gets a figure (its rate over the part it ran).
     */
    private static double[] measure(SimRun run, int hosts, long measuredMillis) {
        long w0 = System.nanoTime();
        while (run.sim().nowMillis() < 2 * MINUTE && System.nanoTime() - w0 < WARMUP_WALL_NANOS) {
            run.runTo(run.sim().nowMillis() + 1_000);
        }
        long events0 = run.sim().executedEvents();
        long sim0 = run.sim().nowMillis();
        long t0 = System.nanoTime();
        long t1 = t0;
        while (run.sim().nowMillis() < sim0 + measuredMillis && t1 - t0 < MEASURE_WALL_NANOS) {
            run.runTo(run.sim().nowMillis() + 1_000);
            t1 = System.nanoTime();
        }
        long events = run.sim().executedEvents() - events0;
        double wallSeconds = (t1 - t0) / 1e9;
        double simSeconds = (run.sim().nowMillis() - sim0) / 1000.0;
        System.err.printf(Locale.ROOT, "  %d hosts: %d events in %.1f s wall for %.0f s simulated%n", hosts, events,
                wallSeconds, simSeconds);
        return new double[] {simSeconds / wallSeconds, events / wallSeconds, events / simSeconds / hosts};
    }

    /** Wall-time caps of one figure's warm-up and measurement. */
    private static final long WARMUP_WALL_NANOS = 20_000_000_000L;
    private static final long MEASURE_WALL_NANOS = 60_000_000_000L;

    /**
     * Seeds per second of {@code cell sweep --random --hosts 10 --vms 100 --duration 10m} over {@code seeds} seeds
     * with {@code jobs} threads, as the sweep command runs them (one whole run per seed, a fixed pool).
     */
    static double sweep(int seeds, int jobs) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(jobs);
        try {
            long t0 = System.nanoTime();
            List<java.util.concurrent.Future<Long>> runs = new ArrayList<>();
            for (long seed = 1; seed <= seeds; seed++) {
                long s = seed;
                runs.add(pool.submit(() -> SimRun.prepare(RandomScenario.generate(s, 10, 100, 10 * MINUTE)).finish()
                        .events()));
            }
            long events = 0;
            for (java.util.concurrent.Future<Long> f : runs) {
                events += f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.err.printf(Locale.ROOT, "  sweep of %d seeds, %d jobs: %.1f s, %d events%n", seeds, jobs, seconds,
                    events);
            return seeds / seconds;
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a sweep run failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Heap in use (after a full GC) with a random run of {@code hosts} and {@code vms} built and one minute run. */
    static double memory(int hosts, int vms) {
        SimRun run = SimRun.prepare(RandomScenario.generate(SEED, hosts, vms, 10 * MINUTE));
        run.runTo(MINUTE);
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        double used = (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
        // Keep the run reachable until measured.
        if (run.sim().executedEvents() < 0) {
            throw new IllegalStateException();
        }
        return used;
    }
}
