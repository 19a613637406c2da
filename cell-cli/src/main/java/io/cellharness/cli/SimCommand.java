package io.cellharness.cli;

import io.cellharness.sim.Trace;
import io.cellharness.sim.scenario.CheckResult;
import io.cellharness.sim.scenario.SimOutcome;
import io.cellharness.sim.scenario.SimRequest;
import io.cellharness.sim.scenario.SimRun;
import io.cellharness.sim.scenario.SimTimeline;
import io.cellharness.reports.casefile.CaseReportWriter;
import io.cellharness.reports.sim.SimReports;
import io.cellharness.sim.scenario.VirtualDuration;
import io.cellharness.core.spec.SpecCodec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cell sim}: one deterministic simulation run, its invariants and the line that replays it. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Run one simulation: a scenario file or a random fault profile, on the deterministic simulator.",
                "Prints events, virtual and wall time, speed, invariants and the trace hash. Exit 1 with the replay",
                "command when an invariant or expectation does not hold; 2 for a bad file or option."})
final class SimCommand implements Callable<Integer> {

    @Mixin
    SimSource source;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default: the scenario's, else 1).")
    Long seed;

    @Option(names = "--trace", paramLabel = "OUT", description = "Write the whole canonical trace to this file.")
    Path traceFile;

    @Option(names = "--until", paramLabel = "DURATION",
            description = "Stop at this virtual time (no healing, no liveness check), e.g. 90s.")
    String until;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write the failover case report (a self-contained HTML page with the timeline) into DIR.")
    Path reportDir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        source.load();
        SimRequest request = source.request(source.seed(seed));
        long untilMillis = -1;
        if (until != null) {
            try {
                untilMillis = VirtualDuration.parse(until).millis();
            } catch (IllegalArgumentException e) {
                throw new InputError("--until: " + e.getMessage());
            }
        }
        Path tmp = null;
        BufferedWriter trace = null;
        List<java.util.function.Consumer<String>> sinks = new ArrayList<>();
        if (traceFile != null) {
            Path dir = traceFile.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                throw new InputError("--trace: directory " + dir + " does not exist");
            }
            tmp = traceFile.resolveSibling("." + traceFile.getFileName() + ".tmp");
            trace = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
            BufferedWriter w = trace;
            sinks.add(line -> {
                try {
                    w.write(line);
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        SimRun run = SimRun.prepare(request, sinks);
        SimTimeline timeline = reportDir == null ? null : SimTimeline.attach(run, 200);
        long wallStart = System.nanoTime();
        SimOutcome outcome;
        if (untilMillis >= 0) {
            run.runTo(untilMillis);
            outcome = run.finishAt();
        } else {
            outcome = run.finish();
        }
        long wallMillis = Math.max(1, (System.nanoTime() - wallStart) / 1_000_000);
        if (trace != null) {
            trace.close();
            Files.move(tmp, traceFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        print(request, outcome, wallMillis, spec.commandLine().getOut());
        if (timeline != null) {
            Path page = CaseReportWriter.write(SimReports.caseReport(timeline, outcome,
                    source.random ? "random" : source.file.toString(), SimSource.replayCommand(request)), reportDir);
            spec.commandLine().getOut().println("case report: " + page);
        }
        return outcome.passed() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private void print(SimRequest request, SimOutcome o, long wallMillis, PrintWriter out) {
        String replay = SimSource.replayCommand(request);
        double speed = (double) o.virtualMillis() / wallMillis;
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("scenario", o.name());
            doc.put("seed", o.seed());
            doc.put("events", o.events());
            doc.put("virtualMillis", o.virtualMillis());
            doc.put("wallMillis", wallMillis);
            doc.put("speed", speed);
            doc.put("passed", o.passed());
            doc.put("checks", o.checks());
            doc.put("recoveryMillis", o.recoveryMillis());
            doc.put("traceSha256", o.traceSha256());
            doc.put("traceLines", o.traceLines());
            doc.put("replay", replay);
            out.println(SpecCodec.toJson(doc));
            return;
        }
        out.println("scenario " + o.name() + ", seed " + o.seed());
        out.println(String.format(Locale.ROOT, "events %,d; virtual time %s; wall time %.2f s; speed %,.0fx real time",
                o.events(), Trace.formatTime(o.virtualMillis()), wallMillis / 1000.0, speed));
        for (CheckResult c : o.checks()) {
            out.println(String.format(Locale.ROOT, "  %-4s %-11s %-32s %s",
                    !c.checked() ? "--" : c.held() ? "ok" : "FAIL", c.kind(), c.name(),
                    !c.checked() ? "not checked (" + c.detail() + "): " + c.description()
                            : c.held() ? c.description() : c.detail()));
        }
        out.println("recoveries: " + recoverySummary(o.recoveryMillis()));
        out.println("trace: " + o.traceLines() + " lines, sha256 " + o.traceSha256());
        if (!o.passed()) {
            out.println("replay: " + replay);
        }
    }

    static String recoverySummary(List<Long> millis) {
        if (millis.isEmpty()) {
            return "none";
        }
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(Long::compare);
        return String.format(Locale.ROOT, "%d (p50 %.1f s, p99 %.1f s, max %.1f s)", sorted.size(),
                percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
    }

    /** Nearest-rank percentile of a sorted list. */
    static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
