package io.cellharness.reports.casefile;

import io.cellharness.reports.html.Fragments;
import io.cellharness.reports.html.HtmlPage;
import io.cellharness.reports.html.Markup;
import io.cellharness.reports.html.VirtualTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The failover case page: one self-contained HTML document (inline CSS, JS and SVG; nothing fetched, so it opens
 * from {@code file://} offline) showing a run the way an engineer reproduces it: what ran, how to replay it, one
 * timeline of hosts, VMs and storage paths with faults, fences and migrations marked, which invariants held, key
 * figures and the end of the trace.
 */
public final class CaseReportPage {

    /** The timeline draws at most this many VM lanes; the page names the ones it leaves out. */
    public static final int MAX_VM_LANES = 60;

    private CaseReportPage() {
    }

    public static String render(CaseReport report) {
        return render(report, MAX_VM_LANES);
    }

    static String render(CaseReport report, int maxVmLanes) {
        VmLaneSelection selection = VmLaneSelection.of(report.vms(), report.markers(), maxVmLanes);
        TimelineChart chart = new TimelineChart(report, selection);
        Markup chartSvg = chart.render();

        Markup body = new Markup();
        header(body, report);
        replay(body, report.replayCommand());
        body.open("section", "id", "timeline").element("h2", "Timeline");
        legend(body, chart);
        body.open("div", "class", "chart-box").append(chartSvg).close("div");
        hiddenVms(body, selection);
        body.close("section");
        invariants(body, report.trueInvariants(), "invariants", "Invariants");
        if (!report.expectations().isEmpty()) {
            invariants(body, report.expectations(), "expectations", "Expectations");
        }
        traceTail(body, report.traceTail());
        body.element("footer", "Cell Harness failover case. Times are virtual (the simulator's clock, since the start"
                + " of the run). The replay command runs the same seed again; a faithful replay shows the same trace"
                + " hash.");
        return HtmlPage.render("Failover case: " + report.title() + " (seed " + report.seed() + ")", PAGE_CSS, 1, body);
    }

    private static void header(Markup m, CaseReport r) {
        m.open("header");
        m.element("h1", r.title());
        // Expectations are what one scenario expects; invariants are what must always hold. Counted apart.
        List<InvariantResult> expectations = r.expectations();
        if (!expectations.isEmpty()) {
            long failed = expectations.stream().filter(i -> !i.held()).count();
            m.element("span", failed == 0 ? "all " + expectations.size() + " expectations met"
                    : failed + " of " + expectations.size() + " expectations failed", "class",
                    failed == 0 ? "verdict expectations ok" : "verdict expectations bad");
        }
        List<InvariantResult> invariants = r.trueInvariants();
        List<InvariantResult> violated = r.violations();
        if (invariants.isEmpty()) {
            m.element("span", "no invariants checked", "class", "verdict bad");
        } else if (violated.isEmpty()) {
            m.element("span", "all " + invariants.size() + " invariants held", "class", "verdict ok");
        } else {
            m.element("span", violated.size() + " of " + invariants.size() + " invariants violated", "class",
                    "verdict bad");
        }
        m.open("dl", "class", "facts");
        Fragments.fact(m, "Seed", Long.toString(r.seed()), true);
        Fragments.fact(m, "Scenario", r.scenario(), false);
        Fragments.fact(m, "Virtual duration", VirtualTime.label(r.durationMillis()), false);
        Fragments.fact(m, "Events", String.format(Locale.ROOT, "%,d", r.events()), false);
        Fragments.fact(m, "Hosts / VMs", r.hosts().size() + " / " + r.vms().size(), false);
        Fragments.fact(m, "Trace SHA-256", r.traceSha256(), true);
        m.close("dl");
        if (!r.summary().isEmpty()) {
            m.open("dl", "class", "facts", "id", "summary");
            for (Map.Entry<String, String> e : r.summary().entrySet()) {
                Fragments.fact(m, e.getKey(), e.getValue(), false);
            }
            m.close("dl");
        }
        m.close("header");
    }

    private static void replay(Markup m, String command) {
        m.open("section", "id", "replay").element("h2", "Replay");
        Fragments.copyable(m, "replay-command", command);
        m.close("section");
    }

    private static void legend(Markup m, TimelineChart chart) {
        m.open("div", "class", "legend");
        m.open("div", "class", "group").element("span", "Host state (the manager's belief)", "class", "title");
        for (String state : chart.statesUsed()) {
            swatchItem(m, Colours.hostState(state), state);
        }
        m.close("div");
        if (!chart.truthsUsed().isEmpty()) {
            m.open("div", "class", "group").element("span", "Host truth (thin strip)", "class", "title");
            for (String truth : chart.truthsUsed()) {
                swatchItem(m, Colours.hostTruth(truth), truth);
            }
            m.close("div");
        }
        if (!chart.hostColoursUsed().isEmpty()) {
            m.open("div", "class", "group").element("span", "VM runs on", "class", "title");
            chart.hostColoursUsed().forEach((host, colour) -> swatchItem(m, colour, host));
            if (chart.notRunningUsed()) {
                swatchItem(m, "url(#not-running)", "not running");
            }
            m.close("div");
            m.open("div", "class", "group").element("span", "Storage path (thin line)", "class", "title");
            m.open("span", "class", "item").text("monitor host's colour").close("span");
            if (chart.stalledUsed()) {
                swatchItem(m, Colours.STALLED, "STALLED");
            }
            m.close("div");
        }
        if (!chart.markerKindsUsed().isEmpty()) {
            m.open("div", "class", "group").element("span", "Markers", "class", "title");
            for (Marker.Kind kind : chart.markerKindsUsed()) {
                m.open("span", "class", "item");
                m.open("svg", "width", "14", "height", "14", "viewBox", "0 0 14 14", "aria-hidden", "true");
                TimelineChart.glyph(m, kind, 7, 7);
                m.close("svg");
                m.text(kind.spelling()).close("span");
            }
            m.close("div");
        }
        m.close("div");
    }

    private static void swatchItem(Markup m, String fill, String label) {
        m.open("span", "class", "item");
        m.open("svg", "width", "14", "height", "12", "viewBox", "0 0 14 12", "aria-hidden", "true");
        m.empty("rect", "x", "0.5", "y", "0.5", "width", "13", "height", "11", "rx", "2", "fill", fill, "stroke",
                "#00000022");
        m.close("svg");
        m.text(label).close("span");
    }

    private static void hiddenVms(Markup m, VmLaneSelection selection) {
        if (selection.hidden().isEmpty()) {
            return;
        }
        int shown = selection.shown().size();
        int total = shown + selection.hidden().size();
        m.element("p", "Showing " + shown + " of " + total + " VMs: first those a violation names, then those that"
                + " moved, stopped, lost or changed their storage path or are named by a marker, then the rest in"
                + " order.", "class", "note", "id", "hidden-vms", "data-hidden", Integer.toString(selection.hidden().size()));
        m.open("details").element("summary", selection.hidden().size() + " VMs not drawn");
        m.element("p", selection.hidden().stream().map(VmLane::vm).collect(Collectors.joining(", ")), "class", "names");
        m.close("details");
    }

    private static void invariants(Markup m, List<InvariantResult> invariants, String id, String title) {
        long held = invariants.stream().filter(InvariantResult::held).count();
        m.open("section", "id", id);
        m.element("h2", title + " (" + held + " of " + invariants.size() + " held)");
        if (invariants.isEmpty()) {
            m.element("p", "No invariants were checked in this run.", "class", "note");
            m.close("section");
            return;
        }
        m.open("table").open("thead").open("tr");
        m.element("th", title.equals("Invariants") ? "Invariant" : "Expectation").element("th", "Kind")
                .element("th", "Result").element("th", "What it demands");
        m.close("tr").close("thead").open("tbody");
        for (InvariantResult inv : invariants) {
            m.open("tr", "class", inv.held() ? "held" : "violated");
            m.element("td", inv.name());
            m.element("td", inv.kind().spelling());
            m.open("td").element("span", inv.held() ? "held" : inv.kind() == InvariantResult.Kind.EXPECTATION
                    ? "FAILED" : "VIOLATED", "class",
                    inv.held() ? "badge held" : "badge violated").close("td");
            m.open("td").text(inv.description());
            if (!inv.held()) {
                m.element("div", inv.violation().isEmpty() ? "(no details recorded)" : inv.violation(), "class",
                        "violation");
            }
            m.close("td").close("tr");
        }
        m.close("tbody").close("table").close("section");
    }

    private static void traceTail(Markup m, List<String> lines) {
        m.open("section", "id", "trace");
        long routine = lines.stream().filter(TraceLines::routine).count();
        m.element("h2", "Trace tail (last " + lines.size() + " lines" + (routine == 0 ? ")"
                : "; " + routine + " routine heartbeat lines hidden)"));
        if (lines.isEmpty()) {
            m.element("p", "No trace lines were kept.", "class", "note");
        } else {
            if (routine > 0) {
                m.empty("input", "type", "checkbox", "id", "show-routine");
                m.element("label", "show the routine heartbeat lines too", "for", "show-routine");
            }
            // Routine lines stay in the page (the tail is whole), hidden until asked for.
            m.open("pre", "class", "trace");
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i) + (i + 1 < lines.size() ? "\n" : "");
                if (TraceLines.routine(lines.get(i))) {
                    m.element("span", text, "class", "routine");
                } else {
                    m.text(text);
                }
            }
            m.close("pre");
        }
        m.close("section");
    }

    /** Hides routine trace lines until the box above the trace is ticked. */
    static final String PAGE_CSS = ".trace .routine{display:none}#show-routine:checked~pre .routine{display:inline}"
            + ".verdict.expectations{margin-right:.5em}";
}
