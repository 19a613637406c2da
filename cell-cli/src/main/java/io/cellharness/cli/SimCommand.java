package io.cellharness.cli;

import io.cellharness.core.ha.HaPolicy;
import io.cellharness.sim.Trace;
import io.cellharness.sim.scenario.CheckResult;
import io.cellharness.sim.scenario.SimOutcome;
import io.cellharness.sim.scenario.SimRequest;
import io.cellharness.sim.scenario.SimRun;
import io.cellharness.sim.scenario.SimTimeline;
import io.cellharness.reports.casefile.CaseReportWriter;
import io.cellharness.core.host.GuestVirtualisation;
import io.cellharness.reports.output.SafeOutput;
import io.cellharness.reports.sim.SimReports;
import io.cellharness.sim.scenario.VirtualDuration;
import io.cellharness.core.limits.Limits;
import io.cellharness.core.spec.SpecCodec;
import io.cellharness.core.spec.UserText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
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
        description = {"Run one deterministic simulation of a scenario file or a random fault profile.",
                "Prints events, virtual and wall time, speed, invariants and the trace hash. Exit 1 with the replay"
                + " command when an invariant or expectation does not hold; 2 for a bad file or option."})
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

    @Option(names = "--policy", paramLabel = "POLICY",
            description = "The manager's HA policy: cell (default) or cloudstack (CloudStack KVM Host HA, as Mold runs it).")
    String policy;

    @Option(names = "--compare-policies",
            description = "Run the scenario and seed under both HA policies and print them side by side.")
    boolean comparePolicies;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        source.load();
        SimRequest request = source.request(source.seed(seed));
        if (policy != null) {
            try {
                request = request.withPolicyOnCommandLine(HaPolicy.parse(policy));
            } catch (IllegalArgumentException e) {
                throw new InputError("--policy: " + e.getMessage());
            }
        }
        if (comparePolicies) {
            if (policy != null || until != null || traceFile != null || reportDir != null) {
                throw new InputError("--compare-policies runs both policies to the end; it takes no --policy, --until, "
                        + "--trace or --report");
            }
            return PolicyComparisonPrinter.print(request, json, spec.commandLine().getOut());
        }
        long untilMillis = -1;
        if (until != null) {
            try {
                untilMillis = VirtualDuration.parse(until).millis();
            } catch (IllegalArgumentException e) {
                throw new InputError("--until: " + UserText.message(e.getMessage()));
            }
            if (untilMillis > Limits.SIM_MAX_VIRTUAL_MS) {
                throw new InputError("--until: at most " + VirtualDuration.ofMillis(Limits.SIM_MAX_VIRTUAL_MS)
                        + " of simulated time per run");
            }
        }
        List<java.util.function.Consumer<String>> sinks = new ArrayList<>();
        // Every output is checked (and the trace's temporary file created) before the run, not after it (issue 19).
        if (reportDir != null) {
            Outputs.checkReportDir(reportDir, "--report");
        }
        try (SafeOutput.Pending trace = traceFile == null ? null : Outputs.prepare(traceFile, "--trace")) {
            if (trace != null) {
                Writer w = trace.writer();
                sinks.add(line -> {
                    try {
                        w.write(line);
                        w.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            return run(request, untilMillis, sinks, trace);
        }
    }

    private Integer run(SimRequest request, long untilMillis, List<java.util.function.Consumer<String>> sinks,
                        SafeOutput.Pending trace) throws IOException {
        SimRun run = SimRun.prepare(request, sinks);
        SimTimeline timeline = reportDir == null ? null : SimTimeline.attach(run, 200);
        long wallStart = System.nanoTime();
        SimOutcome outcome;
        // Ctrl-C: the run ends with how far it got and the line that replays it; no half-written trace is left.
        PrintWriter err = spec.commandLine().getErr();
        Thread onInterrupt = new Thread(() -> {
            if (trace != null) {
                trace.discard();
            }
            err.println();
            err.println("interrupted at virtual time " + Trace.formatTime(run.sim().nowMillis()) + " after "
                    + run.sim().executedEvents() + " events; no check was made");
            err.println("replay: " + SimSource.replayCommand(request));
            err.flush();
        }, "cell-sim-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            if (untilMillis >= 0) {
                run.runTo(untilMillis);
                outcome = run.finishAt();
            } else {
                outcome = run.finish();
            }
        } finally {
            removeHook(onInterrupt);
        }
        long wallMillis = Math.max(1, (System.nanoTime() - wallStart) / 1_000_000);
        if (trace != null) {
            Outputs.commit(trace, "--trace");
        }
        print(request, outcome, wallMillis, spec.commandLine().getOut());
        if (timeline != null) {
            Path page = Outputs.write("--report", () -> CaseReportWriter.write(SimReports.caseReport(timeline, outcome,
                    source.random ? "random" : source.file.toString(), source.absoluteReplayCommand(request),
                    GuestVirtualisation.of(request.cluster())), reportDir));
            spec.commandLine().getOut().println("case report: " + page);
        }
        return outcome.passed() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already ending: the hook runs
        }
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
