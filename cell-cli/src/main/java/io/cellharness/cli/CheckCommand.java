package io.cellharness.cli;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.spec.Respelling;
import io.cellharness.core.spec.SpecCodec;
import io.cellharness.core.spec.SpecLocations;
import io.cellharness.core.spec.UserText;
import io.cellharness.core.validation.Problem;
import io.cellharness.core.validation.SpecValidator;
import io.cellharness.core.validation.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cell check FILE}: every documented limit a cluster file breaks, and the warnings it deserves. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a cluster file against every documented limit.",
                "Exit 0: valid (warnings printed); 1: limits violated (each listed with its ID); 2: unreadable or malformed file."})
final class CheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Cluster file (YAML), see examples/cluster.yaml.")
    Path file;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Respelling> respellings = new ArrayList<>();
        SpecCodec.Located<ClusterSpec> read = InputFiles.readClusterLocated(file, respellings);
        ValidationReport report = SpecValidator.validate(read.value(), respellings);
        SpecLocations where = read.locations();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toString());
            doc.put("valid", report.valid());
            doc.put("errors", located(report.errors(), where));
            doc.put("warnings", located(report.warnings(), where));
            out.println(SpecCodec.toJson(doc));
        } else {
            out.println(UserText.oneLine(file.toString()) + ": " + (report.valid() ? "valid" : "invalid") + ", " + count(report.errors().size(), "error")
                    + ", " + count(report.warnings().size(), "warning"));
            for (Problem p : report.errors()) {
                out.println("  error    " + UserText.oneLine(p.oneLine()) + at(where, p));
            }
            for (Problem p : report.warnings()) {
                out.println("  warning  " + UserText.oneLine(p.oneLine()) + at(where, p));
            }
        }
        return report.valid() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    /** {@code  (line 6, column 12)} where the problem's value is written, when the file says. */
    static String at(SpecLocations where, Problem p) {
        SpecLocations.Position pos = where.find(p.path());
        return pos == null || pos.line() == 0 ? "" : " (line " + pos.line() + ", column " + pos.column() + ")";
    }

    private static List<Map<String, Object>> located(List<Problem> problems, SpecLocations where) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", p.severity());
            m.put("id", p.id());
            m.put("path", p.path());
            m.put("value", p.value());
            m.put("limit", p.limit());
            m.put("message", p.message());
            SpecLocations.Position pos = where.find(p.path());
            if (pos != null && pos.line() > 0) {
                m.put("line", pos.line());
                m.put("column", pos.column());
            }
            list.add(m);
        }
        return list;
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
