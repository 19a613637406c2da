package io.cellharness.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cellharness.features.run.Catalogue;
import io.cellharness.features.run.RunSummary;
import io.cellharness.features.run.ScenarioOutcome;
import io.cellharness.reports.output.SafeOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-ID summary of a scenario run, as a terminal table, Markdown and JSON.
 */
public final class ScenarioReport {

    private ScenarioReport() {
    }

    /** The per-ID table, one line per catalogue ID. */
    public static String table(RunSummary run, Catalogue catalogue) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-6s %9s %7s %7s %8s  %s%n", "ID", "scenarios", "passed", "failed", "skipped",
                "backend"));
        List<String> pending = run.pendingIds(catalogue);
        for (RunSummary.IdRow row : run.byId(catalogue)) {
            String mark = row.failed() > 0 ? "FAIL" : pending.contains(row.id()) ? "pending"
                    : row.scenarios() == 0 ? "none" : row.passed() == 0 ? "skip" : "ok";
            sb.append(String.format(Locale.ROOT, "%-6s %9d %7d %7d %8d  %-8s %s%n", row.id(), row.scenarios(),
                    row.passed(), row.failed(), row.skipped(), run.backend(), mark));
        }
        return sb.toString();
    }

    public static String markdown(RunSummary run, Catalogue catalogue) {
        StringBuilder sb = new StringBuilder("# Behaviour scenarios on ").append(run.backend()).append("\n\n");
        sb.append("Guests: ").append(run.guests()).append(" (A-04).\n\n");
        sb.append(run.scenarios().size()).append(" scenarios: ").append(run.passed()).append(" passed, ")
                .append(run.failed()).append(" failed, ").append(run.skipped()).append(" skipped.\n\n");
        if (!run.pending().isEmpty()) {
            sb.append(run.pending().size()).append(" scenarios pending (tagged @wip: not run, in no count); IDs with"
                    + " only pending scenarios: ").append(String.join(" ", run.pendingIds(catalogue))).append(".\n\n");
        }
        sb.append("| ID | scenarios | passed | failed | skipped | backend |\n|---|---:|---:|---:|---:|---|\n");
        for (RunSummary.IdRow row : run.byId(catalogue)) {
            sb.append("| ").append(row.id()).append(" | ").append(row.scenarios()).append(" | ").append(row.passed())
                    .append(" | ").append(row.failed()).append(" | ").append(row.skipped()).append(" | ")
                    .append(run.backend()).append(" |\n");
        }
        List<ScenarioOutcome> failed = run.scenarios().stream()
                .filter(s -> s.status() == ScenarioOutcome.Status.FAILED).toList();
        if (!failed.isEmpty()) {
            sb.append("\n## Failed scenarios\n\n");
            for (ScenarioOutcome s : failed) {
                sb.append("- **").append(s.feature()).append(" / ").append(s.name()).append("** ")
                        .append(String.join(" ", s.ids())).append(": ")
                        .append(s.failure().replace('\n', ' ')).append('\n');
            }
        }
        return sb.toString();
    }

    public static String json(RunSummary run, Catalogue catalogue) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("backend", run.backend());
        doc.put("guests", run.guests());
        doc.put("passed", run.passed());
        doc.put("failed", run.failed());
        doc.put("skipped", run.skipped());
        doc.put("pending", run.pending().size());
        doc.put("pendingIds", run.pendingIds(catalogue));
        doc.put("ids", run.byId(catalogue));
        doc.put("scenarios", run.scenarios());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
    }

    /** Writes {@code summary.md} and {@code summary.json} into {@code dir}, each atomically. */
    public static void write(RunSummary run, Catalogue catalogue, Path dir) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(dir.resolve("summary.md"), markdown(run, catalogue));
        writeAtomically(dir.resolve("summary.json"), json(run, catalogue));
    }

    static void writeAtomically(Path target, String text) throws IOException {
        // A temporary file beside the target, renamed over it: a reader never sees half a report.
        SafeOutput.write(target, SafeOutput.Origin.DERIVED, text);
    }
}
