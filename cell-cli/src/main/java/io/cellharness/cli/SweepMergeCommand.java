package io.cellharness.cli;

import io.cellharness.sim.scenario.SimOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cell sweep merge}: the shards of one sweep ({@code --shard K/N} results) combined into the summary, failure
 * list, failures file and report page that the unsharded sweep gives, seed by seed and hash by hash.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Combine the results of sweep shards into what one unsharded sweep reports.",
                "Reads the JSON-lines files of cell sweep --shard K/N and gives the summary, failure list, failures"
                + " file and report page of one unsharded sweep. Exit 1 if any seed failed, 2 if a file is not a"
                + " results file or two shards report the same seed."})
final class SweepMergeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILES", description = "Results files of the shards (JSON lines).")
    List<Path> files;

    @Option(names = "--failures", defaultValue = "sweep-failures.txt", paramLabel = "FILE",
            description = "Where the failing seeds go, one replay line each (default: ${DEFAULT-VALUE}).")
    Path failuresFile;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write the sweep summary page (failing seeds, recovery-time histogram) into DIR.")
    Path reportDir;

    @Option(names = "--expect-seeds", paramLabel = "A..B",
            description = "Fail (exit 2) unless the shards cover exactly these seeds, e.g. 1..100000.")
    String expectSeeds;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TreeMap<Long, SweepResults.Line> lines = SweepResults.read(files);
        long from = lines.firstKey();
        long to = lines.lastKey();
        String label = from + ".." + to;
        if (expectSeeds != null && !expectSeeds.trim().equals(label)) {
            throw new InputError("the shards cover " + label + ", not --expect-seeds " + expectSeeds.trim());
        }
        if (lines.size() != to - from + 1) {
            throw new InputError("the shards cover " + lines.size() + " of the seeds " + label
                    + " (a shard is missing)");
        }
        long wall = 0;
        for (SweepResults.Line l : lines.values()) {
            wall += l.wallMillis();
        }
        List<SimOutcome> outcomes = SweepResults.outcomes(lines);
        spec.commandLine().getOut().println("merged " + files.size() + " shard file(s); wall time below is the "
                + "sum of the runs' own times");
        return SweepCommand.report(outcomes, spec.commandLine().getOut(), wall, label, reportDir, failuresFile, null);
    }
}
