package io.cellharness.cli;

import io.cellharness.sim.scenario.CheckResult;
import io.cellharness.sim.scenario.SimOutcome;
import io.cellharness.sim.scenario.SimRun;
import io.cellharness.core.host.GuestVirtualisation;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cell sweep}: many seeds of one scenario or of the random mode, every failure with its replay command. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a scenario, or the random mode, for a range of seeds and list every failing seed.",
                "Shows a progress bar, prints each failing seed with its replay command, writes them to a file a"
                + " regression test replays, and prints the recovery-time distribution. Exit 1 if any seed fails."})
final class SweepCommand implements Callable<Integer> {

    @Mixin
    SimSource source;

    /** A-04: which guests the swept clusters' hosts run, for the sweep page. */
    private final java.util.TreeSet<String> guests = new java.util.TreeSet<>();

    @Option(names = "--seeds", required = true, paramLabel = "A..B", description = "Seeds to run, e.g. 1..500.")
    String seeds;

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
        SeedRange range = SeedRange.parse(seeds);
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (threads < 1) {
            throw new InputError("--jobs must be at least 1");
        }
        source.load();
        // Every output is checked before the run, not after it (issue 19).
        Outputs.check(failuresFile, "--failures");
        if (reportDir != null) {
            Outputs.checkReportDir(reportDir, "--report");
        }
        int total = range.count();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<SimOutcome>> futures = new ArrayList<>();
        // Ctrl-C: the sweep ends with the seeds finished so far and a replay line for each failure among them.
        Thread onInterrupt = new Thread(() -> interrupted(futures, total, err), "cell-sweep-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            for (int i = 0; i < total; i++) {
                long seed = range.seed(i);
                Future<SimOutcome> future = pool.submit(() -> {
                    // Built in the task, not up front: a long sweep holds one cluster per running seed, not per seed.
                    io.cellharness.sim.scenario.SimRequest request = source.request(seed);
                    synchronized (guests) {
                        guests.add(GuestVirtualisation.of(request.cluster()));
                    }
                    SimOutcome o = SimRun.prepare(request).finish();
                    progress(err, done.incrementAndGet(), total, start);
                    return o;
                });
                synchronized (futures) {
                    futures.add(future);
                }
            }
            List<SimOutcome> outcomes = new ArrayList<>();
            for (Future<SimOutcome> f : futures) {
                outcomes.add(f.get());
            }
            err.println();
            return report(outcomes, out, (System.nanoTime() - start) / 1_000_000);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a simulation run failed: " + e.getCause(), e.getCause());
        } finally {
            SimCommand.removeHook(onInterrupt);
            pool.shutdownNow();
        }
    }

    private static void interrupted(List<Future<SimOutcome>> futures, int total, PrintWriter err) {
        int finished = 0;
        List<String> failures = new ArrayList<>();
        synchronized (futures) {
            for (Future<SimOutcome> f : futures) {
                if (f.isDone() && !f.isCancelled()) {
                    try {
                        SimOutcome o = f.get();
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

    private int report(List<SimOutcome> outcomes, PrintWriter out, long wallMillis) throws IOException {
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
                    String.join(" | ", guests)), reportDir));
            out.println("sweep report: " + page);
        }
        if (!failureLines.isEmpty()) {
            Outputs.writeGiven(failuresFile, "--failures", String.join("\n", failureLines) + "\n");
            out.println("failing seeds written to " + failuresFile);
        }
        return failed == 0 ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
