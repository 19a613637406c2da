package io.cellharness.cli;

import io.cellharness.sim.scenario.CheckResult;
import io.cellharness.sim.scenario.SimOutcome;
import io.cellharness.sim.scenario.SimRequest;
import io.cellharness.sim.scenario.SimRun;
import io.cellharness.core.host.GuestVirtualisation;
import io.cellharness.core.limits.Limits;
import io.cellharness.reports.sim.SimReports;
import io.cellharness.reports.sweep.SweepReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cell sweep}: many seeds of one scenario or of the random mode, every failure with its replay command. */
@Command(name = "sweep", mixinStandardHelpOptions = true, subcommands = SweepMergeCommand.class,
        description = {"Run a scenario, or the random mode, for a range of seeds and list every failing seed.",
                "Shows a progress bar, prints each failing seed with its replay command, writes them to a file a"
                + " regression test replays, and prints the recovery-time distribution. Exit 1 if any seed fails.",
                "With --shard K/N, runs only every N-th seed from the K-th and writes one JSON line per seed;",
                "'cell sweep merge' combines the shards into what one unsharded sweep reports."})
final class SweepCommand implements Callable<Integer> {

    private static final Pattern SHARD = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    @Mixin
    SimSource source;

    /** A-04: which guests the swept clusters' hosts run, for the sweep page. */
    private final java.util.TreeSet<String> guests = new java.util.TreeSet<>();

    @Option(names = "--seeds", paramLabel = "A..B", description = "Seeds to run, e.g. 1..500 (required).")
    String seeds;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Run only the K-th of N interleaved slices of the seeds (K from 1 to N): seeds A+K-1, "
                    + "A+K-1+N, ... Results go to --results as JSON lines.")
    String shard;

    @Option(names = "--results", paramLabel = "FILE",
            description = "Write one JSON line per seed (seed, verdict, hash, recovery times, replay line) to FILE "
                    + "(default with --shard: sweep-shard-K-of-N.jsonl).")
    Path resultsFile;

    @Option(names = "--jobs", paramLabel = "J", description = "Runs in parallel (default: the number of cores).")
    Integer jobs;

    @Option(names = "--failures", defaultValue = "sweep-failures.txt", paramLabel = "FILE",
            description = "Where the failing seeds go, one replay line each (default: ${DEFAULT-VALUE}).")
    Path failuresFile;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write the sweep summary page (failing seeds, recovery-time histogram) into DIR.")
    Path reportDir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (seeds == null) {
            throw new InputError("--seeds A..B is required (or 'cell sweep merge FILES...')");
        }
        // A shard may slice a range larger than one sweep runs; the count bound applies to the seeds it runs.
        SeedRange range = SeedRange.parse(seeds, shard == null);
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (threads < 1) {
            throw new InputError("--jobs must be at least 1");
        }
        long offset = 0;
        long step = 1;
        if (shard != null) {
            Matcher s = SHARD.matcher(shard.trim());
            if (!s.matches()) {
                throw new InputError("--shard must look like K/N (e.g. 3/8), not " + io.cellharness.core.spec.UserText.quote(shard));
            }
            int k = Integer.parseInt(s.group(1));
            int n = Integer.parseInt(s.group(2));
            if (n < 1 || k < 1 || k > n) {
                throw new InputError("--shard " + shard.trim() + ": K must be from 1 to N");
            }
            offset = k - 1;
            step = n;
            if (resultsFile == null) {
                resultsFile = Path.of("sweep-shard-" + k + "-of-" + n + ".jsonl");
            }
        }
        // to - from cannot overflow (both are non-negative), nor can the count below.
        long span = range.to() - range.from();
        long count = offset > span ? 0 : (span - offset) / step + 1;
        if (count > Limits.SWEEP_MAX_SEEDS) {
            throw new InputError("--seeds " + seeds.trim() + (shard == null ? "" : " --shard " + shard.trim())
                    + " runs more than the " + Limits.SWEEP_MAX_SEEDS + " seeds one sweep runs; use more shards");
        }
        source.load();
        // Every output is checked before the run, not after it (issue 19).
        Outputs.check(failuresFile, "--failures");
        if (resultsFile != null) {
            Outputs.check(resultsFile, "--results");
        }
        if (reportDir != null) {
            Outputs.checkReportDir(reportDir, "--report");
        }
        int total = (int) count;
        long first = range.from() + offset;
        long stride = step;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<SweepResults.Line>> futures = new ArrayList<>();
        // Ctrl-C: the sweep ends with the seeds finished so far and a replay line for each failure among them.
        Thread onInterrupt = new Thread(() -> interrupted(futures, total, err), "cell-sweep-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            for (int i = 0; i < total; i++) {
                long seed = first + i * stride;
                Future<SweepResults.Line> future = pool.submit(() -> {
                    // Built in the task, not up front: a long sweep holds one cluster per running seed, not per seed.
                    SimRequest request = source.request(seed);
                    synchronized (guests) {
                        guests.add(GuestVirtualisation.of(request.cluster()));
                    }
                    long t0 = System.nanoTime();
                    SimOutcome o = SimRun.prepare(request).finish();
                    progress(err, done.incrementAndGet(), total, start);
                    return SweepResults.Line.of(o, (System.nanoTime() - t0) / 1_000_000);
                });
                synchronized (futures) {
                    futures.add(future);
                }
            }
            List<SimOutcome> outcomes = new ArrayList<>();
            List<String> json = new ArrayList<>();
            for (Future<SweepResults.Line> f : futures) {
                SweepResults.Line line = f.get();
                outcomes.add(line.outcome());
                json.add(SweepResults.toJson(line));
            }
            err.println();
            if (resultsFile != null) {
                Outputs.writeGiven(resultsFile, "--results", json.isEmpty() ? "" : String.join("\n", json) + "\n");
                out.println("results of " + total + " seeds written to " + resultsFile);
            }
            if (outcomes.isEmpty()) {
                out.println("0 seeds in this shard");
                return ExitCode.OK;
            }
            return report(outcomes, out, (System.nanoTime() - start) / 1_000_000, seeds, reportDir, failuresFile,
                    String.join(" | ", guests));
        } catch (ExecutionException e) {
            throw new IllegalStateException("a simulation run failed: " + e.getCause(), e.getCause());
        } finally {
            SimCommand.removeHook(onInterrupt);
            pool.shutdownNow();
        }
    }

    private static void interrupted(List<Future<SweepResults.Line>> futures, int total, PrintWriter err) {
        int finished = 0;
        List<String> failures = new ArrayList<>();
        synchronized (futures) {
            for (Future<SweepResults.Line> f : futures) {
                if (f.isDone() && !f.isCancelled()) {
                    try {
                        SimOutcome o = f.get().outcome();
                        finished++;
                        if (!o.passed()) {
                            failures.add("./cell sim " + String.join(" ", o.replay()) + " --seed " + o.seed());
                        }
                    } catch (InterruptedException | ExecutionException e) {
                        // not a finished seed
                    }
                }
            }
        }
        err.println();
        err.println("interrupted after " + finished + " of " + total + " seeds, " + failures.size() + " failed");
        for (String replay : failures) {
            err.println("     replay: " + replay);
        }
        err.flush();
    }

    private static synchronized void progress(PrintWriter err, int done, int total, long start) {
        int width = 30;
        int filled = (int) ((long) width * done / total);
        double seconds = (System.nanoTime() - start) / 1e9;
        err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d seeds, %.0f s", "#".repeat(filled), ".".repeat(width - filled),
                done, total, seconds));
        err.flush();
    }

    /**
     * The sweep's summary, failure list, failures file and report page, the same for one unsharded sweep and for
     * merged shards ({@code seeds} labels the range on the page; {@code guests} says which guests ran, A-04).
     */
    static int report(List<SimOutcome> outcomes, PrintWriter out, long wallMillis, String seeds, Path reportDir,
                      Path failuresFile, String guests) throws IOException {
        List<String> failureLines = new ArrayList<>();
        List<Long> recoveries = new ArrayList<>();
        long events = 0;
        int failed = 0;
        for (SimOutcome o : outcomes) {
            events += o.events();
            recoveries.addAll(o.recoveryMillis());
            if (!o.passed()) {
                failed++;
                CheckResult first = o.failures().get(0);
                String replay = "./cell sim " + String.join(" ", o.replay()) + " --seed " + o.seed();
                out.println("FAIL seed " + o.seed() + ": " + first.kind() + " " + first.name() + ": " + first.detail());
                out.println("     replay: " + replay);
                failureLines.add(o.seed() + " " + String.join(" ", o.replay()));
            }
        }
        out.println(String.format(Locale.ROOT, "%d seeds, %d failed; %,d events in %.1f s wall", outcomes.size(), failed,
                events, wallMillis / 1000.0));
        out.println("recovery time (host failure -> all its HA VMs running again): "
                + SimCommand.recoverySummary(recoveries));
        if (reportDir != null) {
            Path page = Outputs.write("--report", () -> SweepReportWriter.write(SimReports.sweepReport(
                    "sweep " + String.join(" ", outcomes.get(0).replay()), seeds, outcomes, wallMillis,
                    o -> "./cell sim " + String.join(" ", o.replay()) + " --seed " + o.seed(),
                    guests), reportDir));
            out.println("sweep report: " + page);
        }
        if (!failureLines.isEmpty()) {
            Outputs.writeGiven(failuresFile, "--failures", String.join("\n", failureLines) + "\n");
            out.println("failing seeds written to " + failuresFile);
        }
        return failed == 0 ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
