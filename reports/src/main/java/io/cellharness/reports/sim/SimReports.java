package io.cellharness.reports.sim;

import io.cellharness.reports.casefile.CaseReport;
import io.cellharness.reports.casefile.HostLane;
import io.cellharness.reports.casefile.Interval;
import io.cellharness.reports.casefile.InvariantResult;
import io.cellharness.reports.casefile.Marker;
import io.cellharness.reports.casefile.VmLane;
import io.cellharness.reports.sweep.SeedFailure;
import io.cellharness.reports.sweep.SweepReport;
import io.cellharness.sim.scenario.CheckResult;
import io.cellharness.sim.scenario.SimOutcome;
import io.cellharness.sim.scenario.SimTimeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Simulator runs as report pages. */
public final class SimReports {

    private SimReports() {
    }

    /** The failover case report of one run, without saying which guests it ran. */
    public static CaseReport caseReport(SimTimeline timeline, SimOutcome outcome, String scenario, String replayCommand) {
        return caseReport(timeline, outcome, scenario, replayCommand, null);
    }

    /**
     * The failover case report of one run; {@code guests} says which guests the simulated hosts run, e.g.
     * {@code kvm} ({@link io.cellharness.core.host.GuestVirtualisation}).
     */
    public static CaseReport caseReport(SimTimeline timeline, SimOutcome outcome, String scenario, String replayCommand,
                                        String guests) {
        long end = outcome.virtualMillis();
        List<HostLane> hosts = new ArrayList<>();
        timeline.hostStates().forEach((host, changes) -> hosts.add(new HostLane(host, intervals(changes, end),
                intervals(timeline.hostTruth().getOrDefault(host, List.of()), end))));
        List<VmLane> vms = new ArrayList<>();
        timeline.placements().forEach((vm, changes) -> vms.add(new VmLane(vm, intervals(changes, end),
                intervals(timeline.paths().getOrDefault(vm, List.of()), end))));
        List<Marker> markers = new ArrayList<>();
        for (SimTimeline.Moment m : timeline.moments()) {
            markers.add(new Marker(m.atMillis(), Marker.Kind.fromSpelling(m.kind()), m.target(), m.text()));
        }
        List<InvariantResult> invariants = new ArrayList<>();
        for (CheckResult c : outcome.checks()) {
            InvariantResult.Kind kind = switch (c.kind()) {
                case "safety" -> InvariantResult.Kind.SAFETY;
                case "expectation" -> InvariantResult.Kind.EXPECTATION;
                default -> InvariantResult.Kind.LIVENESS;
            };
            String name = c.name();
            invariants.add(!c.checked() ? InvariantResult.held(name, kind, c.description() + " (not checked: "
                    + c.detail() + ")")
                    : c.held() ? InvariantResult.held(name, kind, c.description())
                    : InvariantResult.violated(name, kind, c.description(), c.detail()));
        }
        Map<String, String> summary = new LinkedHashMap<>();
        if (guests != null) {
            summary.put("guests", guests + " (simulated hosts)");
        }
        summary.put("recoveries", recoveries(outcome.recoveryMillis()));
        summary.put("fences", Long.toString(timeline.moments().stream().filter(m -> m.kind().equals("fence")).count()));
        summary.put("alerts", Long.toString(timeline.moments().stream().filter(m -> m.kind().equals("alert")).count()));
        summary.put("trace lines", Long.toString(outcome.traceLines()));
        summary.put("stopped", outcome.stop().name().toLowerCase(Locale.ROOT));
        return new CaseReport(outcome.name(), outcome.seed(), scenario, replayCommand, end, outcome.traceSha256(),
                outcome.events(), hosts, vms, markers, invariants, timeline.tail(), summary);
    }

    /** The summary page of a sweep, without saying which guests it ran. */
    public static SweepReport sweepReport(String title, String seeds, List<SimOutcome> outcomes, long wallMillis,
                                          java.util.function.Function<SimOutcome, String> replay) {
        return sweepReport(title, seeds, outcomes, wallMillis, replay, null);
    }

    /** The summary page of a sweep; {@code guests} says which guests its simulated hosts ran. */
    public static SweepReport sweepReport(String title, String seeds, List<SimOutcome> outcomes, long wallMillis,
                                          java.util.function.Function<SimOutcome, String> replay, String guests) {
        List<SeedFailure> failures = new ArrayList<>();
        List<Long> recoveries = new ArrayList<>();
        long events = 0;
        for (SimOutcome o : outcomes) {
            recoveries.addAll(o.recoveryMillis());
            events += o.events();
            for (CheckResult c : o.failures()) {
                failures.add(new SeedFailure(o.seed(), c.name(), c.detail(), replay.apply(o)));
                break;
            }
        }
        Map<String, String> summary = new LinkedHashMap<>();
        if (guests != null) {
            summary.put("guests", guests + " (simulated hosts)");
        }
        summary.put("events", String.format(Locale.ROOT, "%,d", events));
        summary.put("recoveries", recoveries(recoveries));
        return new SweepReport(title, seeds, outcomes.size(), wallMillis, failures, recoveries, summary);
    }

    static String recoveries(List<Long> millis) {
        if (millis.isEmpty()) {
            return "none";
        }
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(Long::compare);
        long p50 = sorted.get(Math.max(0, (int) Math.ceil(0.5 * sorted.size()) - 1));
        long p99 = sorted.get(Math.max(0, (int) Math.ceil(0.99 * sorted.size()) - 1));
        return String.format(Locale.ROOT, "%d (p50 %.1f s, p99 %.1f s, max %.1f s)", sorted.size(), p50 / 1000.0,
                p99 / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static List<Interval<String>> intervals(List<SimTimeline.Change> changes, long end) {
        List<Interval<String>> out = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            long from = changes.get(i).atMillis();
            long to = i + 1 < changes.size() ? changes.get(i + 1).atMillis() : end;
            if (to > from) {
                out.add(new Interval<>(from, to, changes.get(i).value()));
            }
        }
        return out;
    }
}
