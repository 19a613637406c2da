package io.cellharness.cli;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.spec.Respelling;
import io.cellharness.core.spec.SpecCodec;
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
        ClusterSpec cluster = InputFiles.readCluster(file, respellings);
        ValidationReport report = SpecValidator.validate(cluster, respellings);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toString());
            doc.put("valid", report.valid());
            doc.put("errors", report.errors());
            doc.put("warnings", report.warnings());
            out.println(SpecCodec.toJson(doc));
        } else {
            out.println(file + ": " + (report.valid() ? "valid" : "invalid") + ", " + count(report.errors().size(), "error")
                    + ", " + count(report.warnings().size(), "warning"));
            for (Problem p : report.errors()) {
                out.println("  error    " + p.oneLine());
            }
            for (Problem p : report.warnings()) {
                out.println("  warning  " + p.oneLine());
            }
        }
        return report.valid() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
