package io.cellharness.cli;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.sim.scenario.RandomScenario;
import io.cellharness.sim.scenario.ScenarioFile;
import io.cellharness.sim.scenario.Scenarios;
import io.cellharness.sim.scenario.SimRequest;
import io.cellharness.sim.scenario.VirtualDuration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What a simulation runs: a scenario file, or the random mode with its sizes. Shared by {@code sim} and {@code sweep}. */
final class SimSource {

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

    private ScenarioFile loaded;
    private ClusterSpec cluster;

    /** Checks the options and reads the scenario once. */
    void load() {
        if (random == (file != null)) {
            throw new InputError(random ? "give either a scenario file or --random, not both"
                    : "give a scenario file or --random");
        }
        if (random) {
            try {
                RandomScenario.generate(0, hosts, vms, durationMillis());
            } catch (IllegalArgumentException e) {
                throw new InputError(e.getMessage());
            }
            return;
        }
        loaded = InputFiles.read(file, ScenarioFile.class);
        if (loaded.cluster() != null && loaded.clusterFile() != null) {
            throw new InputError(file + ": give either 'cluster' or 'clusterFile', not both");
        }
        if (loaded.cluster() != null) {
            cluster = loaded.cluster();
        } else if (loaded.clusterFile() != null) {
            Path base = file.toAbsolutePath().getParent();
            cluster = InputFiles.readCluster(base.resolve(loaded.clusterFile()).normalize());
        } else {
            throw new InputError(file + ": the scenario needs 'cluster' or 'clusterFile'");
        }
        request(seed(null));
    }

    long durationMillis() {
        try {
            return VirtualDuration.parse(duration).millis();
        } catch (IllegalArgumentException e) {
            throw new InputError("--duration: " + e.getMessage());
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
            throw new InputError(file + ": " + e.getMessage());
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
