package io.cellharness.reports.sweep;

import io.cellharness.reports.html.Fragments;
import io.cellharness.reports.html.HtmlPage;
import io.cellharness.reports.html.Markup;
import io.cellharness.reports.html.VirtualTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The sweep summary page: one self-contained HTML document (inline CSS, JS and SVG; nothing fetched) with the sweep's
 * figures, the recovery-time histogram and every failing seed with the command that replays it.
 */
public final class SweepReportPage {

    /** Failures listed with their replay command; beyond, the page names the remaining seeds only. */
    public static final int MAX_FAILURE_ROWS = 500;

    private static final String CSS = "td.replay .copyable pre { padding: 4px 8px; font-size: 12px; }\n"
            + "td.replay { width: 48%; }\n"
            + ".stats { font-variant-numeric: tabular-nums; }\n";

    private SweepReportPage() {
    }

    public static String render(SweepReport report) {
        Optional<RecoveryHistogram> histogram = RecoveryHistogram.of(report.recoveryMillis());
        Markup body = new Markup();
        header(body, report);
        recoveries(body, histogram);
        failures(body, report.failures());
        body.element("footer", "Cell Harness sweep. Recovery times are virtual (the simulator's clock); the wall time"
                + " is real. Each replay command runs one seed again, exactly.");
        return HtmlPage.render("Sweep: " + report.title() + " (seeds " + report.seedsRange() + ")", CSS,
                histogram.isPresent() ? 1 : 0, body);
    }

    private static void header(Markup m, SweepReport r) {
        m.open("header");
        m.element("h1", r.title());
        long failing = r.failingSeeds();
        if (failing == 0) {
            m.element("span", "all " + r.seedsRun() + " seeds passed", "class", "verdict ok");
        } else {
            m.element("span", failing + " of " + r.seedsRun() + " seeds failed", "class", "verdict bad");
        }
        m.open("dl", "class", "facts");
        Fragments.fact(m, "Seeds", r.seedsRange(), true);
        Fragments.fact(m, "Seeds run", String.format(Locale.ROOT, "%,d", r.seedsRun()), false);
        Fragments.fact(m, "Failing seeds", String.format(Locale.ROOT, "%,d", failing), false);
        Fragments.fact(m, "Invariant failures", String.format(Locale.ROOT, "%,d", r.failures().size()), false);
        Fragments.fact(m, "Recoveries observed", String.format(Locale.ROOT, "%,d", r.recoveryMillis().size()), false);
        Fragments.fact(m, "Wall time", VirtualTime.label(r.wallMillis()), false);
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

    private static void recoveries(Markup m, Optional<RecoveryHistogram> histogram) {
        m.open("section", "id", "recovery").element("h2", "Recovery time");
        if (histogram.isEmpty()) {
            m.element("p", "No recoveries were observed.", "class", "note");
            m.close("section");
            return;
        }
        RecoveryHistogram h = histogram.get();
        m.element("p", h.samples() + " recoveries: p50 " + VirtualTime.label(h.p50()) + ", p99 "
                + VirtualTime.label(h.p99()) + ", max " + VirtualTime.label(h.max()) + ".", "class", "stats",
                "id", "recovery-stats");
        m.open("div", "class", "chart-box").append(HistogramChart.render(h)).close("div");
        m.close("section");
    }

    private static void failures(Markup m, List<SeedFailure> failures) {
        m.open("section", "id", "failures").element("h2", "Failures by invariant");
        if (failures.isEmpty()) {
            m.element("p", "No invariant failed under any seed.", "class", "note");
            m.close("section");
            return;
        }
        TreeMap<String, List<SeedFailure>> byInvariant = failures.stream()
                .collect(Collectors.groupingBy(SeedFailure::invariant, TreeMap::new, Collectors.toList()));
        m.open("table", "id", "by-invariant").open("thead").open("tr");
        m.element("th", "Invariant").element("th", "Failures", "class", "num").element("th", "Seeds", "class", "num");
        m.element("th", "First seed", "class", "num");
        m.close("tr").close("thead").open("tbody");
        byInvariant.forEach((invariant, rows) -> {
            m.open("tr").element("td", invariant).element("td", Integer.toString(rows.size()), "class", "num");
            m.element("td", Long.toString(rows.stream().mapToLong(SeedFailure::seed).distinct().count()), "class",
                    "num");
            m.element("td", Long.toString(rows.stream().mapToLong(SeedFailure::seed).min().orElseThrow()), "class",
                    "num mono");
            m.close("tr");
        });
        m.close("tbody").close("table");

        m.element("h2", "Failing seeds");
        m.open("table", "id", "failure-list").open("thead").open("tr");
        m.element("th", "Seed", "class", "num").element("th", "Invariant").element("th", "What happened");
        m.element("th", "Replay command");
        m.close("tr").close("thead").open("tbody");
        int shown = Math.min(failures.size(), MAX_FAILURE_ROWS);
        for (int i = 0; i < shown; i++) {
            SeedFailure f = failures.get(i);
            m.open("tr", "class", "violated");
            m.element("td", Long.toString(f.seed()), "class", "num mono");
            m.element("td", f.invariant());
            m.element("td", f.description());
            m.open("td", "class", "replay");
            Fragments.copyable(m, "replay-" + i, f.replayCommand());
            m.close("td").close("tr");
        }
        m.close("tbody").close("table");
        if (failures.size() > shown) {
            List<SeedFailure> rest = failures.subList(shown, failures.size());
            m.element("p", "Listed the first " + shown + " of " + failures.size() + " failures.", "class", "note",
                    "id", "unlisted-failures", "data-unlisted", Integer.toString(rest.size()));
            m.open("details").element("summary", rest.size() + " more failures, by seed");
            m.element("p", rest.stream().map(f -> f.seed() + " (" + f.invariant() + ")")
                    .collect(Collectors.joining(", ")), "class", "names");
            m.close("details");
        }
        m.close("section");
    }
}
