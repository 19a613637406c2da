package io.cellharness.cli;

import io.cellharness.features.backend.BackendUnavailableException;
import io.cellharness.features.backend.Backends;
import io.cellharness.features.backend.LibvirtTarget;
import io.cellharness.features.run.Catalogue;
import io.cellharness.features.run.RunSummary;
import io.cellharness.features.run.ScenarioOutcome;
import io.cellharness.features.run.ScenarioRunner;
import io.cellharness.reports.AllureHtml;
import io.cellharness.reports.ScenarioReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cell run}: every behaviour scenario on a backend, the per-ID summary and the reports. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run every behaviour scenario on a backend and report passed/failed per catalogue ID.",
                "The scenarios are the documentation encoded as Cucumber features; @wip ones are listed as pending,"
                + " not run. Writes the reports. Exit 1 if any scenario fails."})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--backend", defaultValue = "sim", paramLabel = "sim|libvirt",
            description = "Backend the scenarios drive (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--uri", paramLabel = "URI",
            description = {"libvirt daemons for --backend libvirt: one URI (host cube1), or cube1=URI,cube2=URI.",
                    "Without it, two private local daemons are started (root, libvirt-daemon, qemu-system-x86)."})
    String uri;

    @Option(names = "--tags", paramLabel = "EXPR", description = "Cucumber tag expression, e.g. '@H-06 or @S-05'.")
    String tags;

    @Option(names = "--report-dir", defaultValue = "reports/out", paramLabel = "DIR",
            description = "Where summary.md, summary.json, allure-results/ and html/ go (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--no-html", description = "Skip the Allure HTML report.")
    boolean noHtml;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!backend.equals("sim") && !backend.equals("libvirt")) {
            throw new InputError("--backend must be sim or libvirt, not '" + backend + "'");
        }
        if (uri != null && !backend.equals("libvirt")) {
            throw new InputError("--uri is only for --backend libvirt");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path results = reportDir.resolve("allure-results");
        // The summaries' place is checked before any scenario runs, not after all of them (issue 19).
        Outputs.checkDerived(reportDir.resolve("summary.md"), "--report-dir");
        clear(results);
        Files.createDirectories(results);
        if (uri != null) {
            System.setProperty(LibvirtTarget.PROPERTY, uri);
        }
        Optional<String> filter = Optional.ofNullable(tags);
        if (backend.equals("libvirt")) {
            filter = Optional.of(tags == null ? "@libvirt" : "@libvirt and (" + tags + ")");
        }
        out.println("Running behaviour scenarios on the " + backend + " backend" + filter.map(f -> " (" + f + ")").orElse("") + " ...");
        out.flush();
        try {
            // Before any scenario: a missing libvirt or daemon is one line and exit 2, not a failed scenario each.
            for (String host : Backends.require(backend)) {
                out.println("  " + host);
            }
        } catch (BackendUnavailableException e) {
            throw new InputError(e.getMessage());
        }
        RunSummary run = ScenarioRunner.run(backend, filter, Optional.of(results));
        if (run.scenarios().isEmpty()) {
            throw new InputError("no scenario matched" + filter.map(f -> " the tags " + f).orElse(""));
        }
        Catalogue catalogue = Catalogue.load();
        out.print(ScenarioReport.table(run, catalogue));
        for (ScenarioOutcome s : run.scenarios()) {
            if (s.status() == ScenarioOutcome.Status.FAILED) {
                out.println("FAILED " + s.feature() + " / " + s.name() + " " + s.ids() + ": " + firstLine(s.failure()));
            }
        }
        out.println("guests: " + run.guests() + " (A-04)");
        List<String> uncovered = run.uncovered(catalogue);
        out.println(run.scenarios().size() + " scenarios: " + run.passed() + " passed, " + run.failed() + " failed, "
                + run.skipped() + " skipped; " + (catalogue.ids().size() - uncovered.size()) + " of "
                + catalogue.ids().size() + " catalogue IDs covered" + (uncovered.isEmpty() ? "" : " (not yet: "
                + String.join(" ", uncovered) + ")"));
        List<String> pendingIds = run.pendingIds(catalogue);
        if (!run.pending().isEmpty()) {
            out.println(run.pending().size() + " scenarios pending (@wip, not run, in no count)"
                    + (pendingIds.isEmpty() ? "" : "; pending IDs: " + String.join(" ", pendingIds)));
        }
        ScenarioReport.write(run, catalogue, reportDir);
        out.println("Reports: " + reportDir.resolve("summary.md") + ", " + reportDir.resolve("summary.json") + ", " + results);
        if (!noHtml) {
            String home = System.getProperty(AllureHtml.HOME_PROPERTY);
            if (home == null) {
                out.println("HTML report skipped: " + AllureHtml.HOME_PROPERTY + " is not set (./cell sets it)");
            } else {
                AllureHtml.Outcome html = AllureHtml.generate(Path.of(home), results, reportDir.resolve("html"), 300);
                out.println(html instanceof AllureHtml.Outcome.Generated g ? "HTML report: " + g.index()
                        : "HTML report not written: " + ((AllureHtml.Outcome.NotGenerated) html).reason());
            }
        }
        return run.failed() == 0 ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static void clear(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
