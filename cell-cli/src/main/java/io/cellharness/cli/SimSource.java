package io.cellharness.cli;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.spec.SpecCodec;
import io.cellharness.core.spec.SpecLocations;
import io.cellharness.core.spec.UserText;
import io.cellharness.core.validation.SpecValidator;
import io.cellharness.core.validation.ValidationReport;
import io.cellharness.sim.scenario.RandomScenario;
import io.cellharness.sim.scenario.ScenarioCheck;
import io.cellharness.sim.scenario.ScenarioFile;
import io.cellharness.sim.scenario.Scenarios;
import io.cellharness.sim.scenario.SimRequest;
import io.cellharness.sim.scenario.VirtualDuration;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What a simulation runs: a scenario file, or the random mode with its sizes. Shared by {@code sim} and {@code sweep}. */
final class SimSource {

    /** The options only the random mode reads: given beside a scenario file they are refused, not ignored. */
    private static final List<String> RANDOM_ONLY = List.of("--hosts", "--vms", "--duration");

    /** A message from the scenario checks starts with the path it is about: {@code faults[2].period: ...}. */
    private static final Pattern LEADING_PATH = Pattern.compile("^([A-Za-z]\\w*(?:\\[\\d+])?(?:\\.[\\w-]+(?:\\[\\d+])?)*): (.*)$",
            Pattern.DOTALL);

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Scenario file (YAML), see examples/scenarios/.")
    Path file;

    @Option(names = "--random", description = "Random mode: a cluster and a whole fault profile drawn from the seed.")
    boolean random;

    @Option(names = "--hosts", defaultValue = "10", paramLabel = "H", description = "Random mode: hosts (default ${DEFAULT-VALUE}).")
    int hosts;

    @Option(names = "--vms", defaultValue = "100", paramLabel = "V", description = "Random mode: VMs (default ${DEFAULT-VALUE}).")
    int vms;

    @Option(names = "--duration", defaultValue = "10m", paramLabel = "D",
            description = "Random mode: how long faults run, e.g. 10m (default ${DEFAULT-VALUE}).")
    String duration;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    private ScenarioFile loaded;
    private SpecLocations scenarioLocations = SpecLocations.NONE;
    private String scenarioSource;
    private ClusterSpec cluster;

    /** Checks the options and reads the scenario once; every problem is an {@link InputError} naming its line. */
    void load() {
        if (random == (file != null)) {
            throw new InputError(random ? "give either a scenario file or --random, not both"
                    : "give a scenario file or --random");
        }
        if (random) {
            try {
                RandomScenario.checkSizes(hosts, vms, durationMillis());
                requireHeap(hosts, vms);
                RandomScenario.generate(0, hosts, vms, durationMillis());
            } catch (IllegalArgumentException e) {
                throw new InputError(UserText.oneLine(e.getMessage()));
            }
            return;
        }
        CommandLine.ParseResult parsed = mixee == null ? null : mixee.commandLine().getParseResult();
        if (parsed != null) {
            for (String option : RANDOM_ONLY) {
                if (parsed.hasMatchedOption(option)) {
                    throw new InputError(option + " is for --random; a scenario file sets its own cluster and "
                            + "duration");
                }
            }
        }
        scenarioSource = UserText.oneLine(file.toString());
        SpecCodec.Located<ScenarioFile> read = InputFiles.readLocated(file, ScenarioFile.class);
        loaded = read.value();
        scenarioLocations = read.locations();
        if (loaded.cluster() != null && loaded.clusterFile() != null) {
            throw new InputError(scenarioLocations.format(scenarioSource, "clusterFile",
                    "give either 'cluster' or 'clusterFile', not both"));
        }
        String clusterSource;
        SpecLocations clusterLocations;
        String prefix;
        if (loaded.cluster() != null) {
            cluster = loaded.cluster();
            clusterSource = scenarioSource;
            clusterLocations = scenarioLocations;
            prefix = "cluster";
        } else if (loaded.clusterFile() != null) {
            Path clusterPath;
            try {
                Path base = file.toAbsolutePath().getParent();
                clusterPath = base.resolve(loaded.clusterFile()).normalize();
            } catch (InvalidPathException e) {
                throw new InputError(scenarioLocations.format(scenarioSource, "clusterFile", "not a usable path"));
            }
            SpecCodec.Located<ClusterSpec> c = InputFiles.readLocated(clusterPath, ClusterSpec.class);
            cluster = c.value();
            clusterSource = UserText.oneLine(clusterPath.toString());
            clusterLocations = c.locations();
            prefix = "";
        } else {
            throw new InputError(scenarioSource + ": the scenario needs 'cluster' or 'clusterFile'");
        }
        InputFiles.requireUsable(cluster, clusterLocations, clusterSource, prefix);
        ValidationReport report = SpecValidator.validate(cluster);
        if (!report.valid()) {
            throw new InputError(InputFiles.locate(report.errors().get(0), clusterLocations, clusterSource, prefix)
                    + (report.errors().size() > 1 ? " (and " + (report.errors().size() - 1)
                    + " more; see 'cell check')" : ""));
        }
        List<ScenarioCheck.Finding> findings = ScenarioCheck.check(loaded);
        if (!findings.isEmpty()) {
            ScenarioCheck.Finding f = findings.get(0);
            throw new InputError(scenarioLocations.format(scenarioSource, f.path(), f.problem()));
        }
        requireHeap(cluster.hosts().size(), cluster.vms().size());
        request(seed(null));
    }

    /** The cluster-size check against the heap, before anything is built. */
    static void requireHeap(long hostCount, long vmCount) {
        long needed = hostCount * Limits.SIM_HEAP_BYTES_PER_HOST + vmCount * Limits.SIM_HEAP_BYTES_PER_VM;
        long available = Runtime.getRuntime().maxMemory();
        if (needed > available / 10 * 8) {
            throw new InputError(String.format(Locale.ROOT, "a cluster of %d hosts and %d VMs needs about %.1f GiB of "
                    + "heap, and this run has %.1f GiB; give it more (JAVA_TOOL_OPTIONS=-Xmx...) or fewer VMs",
                    hostCount, vmCount, needed / (double) Limits.GIB, available / (double) Limits.GIB));
        }
    }

    long durationMillis() {
        try {
            return VirtualDuration.parse(duration).millis();
        } catch (IllegalArgumentException e) {
            throw new InputError("--duration: " + UserText.message(e.getMessage()));
        }
    }

    /** The seed to use: the command line's, else the scenario's, else 1. */
    long seed(Long given) {
        if (given != null) {
            return given;
        }
        return loaded != null && loaded.seed() != null ? loaded.seed() : 1;
    }

    SimRequest request(long seed) {
        if (random) {
            return RandomScenario.generate(seed, hosts, vms, durationMillis());
        }
        try {
            return Scenarios.request(loaded, cluster, seed, List.of(file.toString()));
        } catch (IllegalArgumentException e) {
            throw new InputError(locateMessage(e.getMessage()));
        }
    }

    /**
     * The replay line with absolute paths (the {@code cell} script of this build and the scenario file), so that it
     * works pasted into a shell in any directory; arguments a shell would split or expand are single-quoted.
     */
    String absoluteReplayCommand(SimRequest request) {
        List<String> parts = new ArrayList<>();
        parts.add(quote(cellExecutable()));
        parts.add("sim");
        String relative = file == null ? null : file.toString();
        for (String arg : request.replay()) {
            parts.add(quote(arg.equals(relative) ? file.toAbsolutePath().normalize().toString() : arg));
        }
        parts.add("--seed");
        parts.add(Long.toString(request.seed()));
        return String.join(" ", parts);
    }

    /** The {@code cell} script beside this build's jar ({@code ROOT/cell-cli/target/cell.jar}), else {@code ./cell}. */
    static String cellExecutable() {
        try {
            Path jar = Path.of(SimSource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = jar.toAbsolutePath().getParent().getParent().getParent();
            Path cell = root.resolve("cell");
            if (java.nio.file.Files.isRegularFile(cell)) {
                return cell.toString();
            }
        } catch (RuntimeException | java.net.URISyntaxException e) {
            // No code source (an unusual class loader): fall back to the relative form.
        }
        return "./cell";
    }

    static String quote(String arg) {
        if (arg.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** A scenario problem that names its path, with the path's line and column. */
    private String locateMessage(String message) {
        Matcher m = LEADING_PATH.matcher(message == null ? "" : message);
        if (m.matches()) {
            return scenarioLocations.format(scenarioSource, m.group(1), UserText.message(m.group(2)));
        }
        return scenarioSource + ": " + UserText.message(message);
    }

    /** {@code ./cell sim <args> --seed N}: the one line that replays a run. */
    static String replayCommand(SimRequest request) {
        List<String> parts = new ArrayList<>();
        parts.add("./cell");
        parts.add("sim");
        parts.addAll(request.replay());
        parts.add("--seed");
        parts.add(Long.toString(request.seed()));
        return String.join(" ", parts);
    }
}
