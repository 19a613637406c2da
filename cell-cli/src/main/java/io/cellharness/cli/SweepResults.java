package io.cellharness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellharness.sim.Simulation;
import io.cellharness.sim.scenario.CheckResult;
import io.cellharness.sim.scenario.SimOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The results of a sweep shard as JSON lines, one seed a line: seed, verdict, trace hash, recovery times and the line
 * that replays it, with the rest of the run's outcome so that {@code cell sweep merge} rebuilds exactly what one
 * unsharded sweep would have reported.
 */
final class SweepResults {

    /**
     * One seed's line.
     *
     * @param seed           the seed
     * @param verdict        {@code pass} or {@code fail}
     * @param hash           SHA-256 of the run's canonical trace
     * @param recoveryMillis one entry per host failure whose HA VMs all ran again
     * @param replay         the command line that replays this seed
     * @param wallMillis     how long the run took here (the one field that is not a function of the seed)
     */
    record Line(long seed, String verdict, String hash, List<Long> recoveryMillis, String replay, String name,
                long virtualMillis, long events, long traceLines, String stop, List<CheckResult> checks,
                List<String> replayArgs, long wallMillis) {

        static Line of(SimOutcome o, long wallMillis) {
            return new Line(o.seed(), o.passed() ? "pass" : "fail", o.traceSha256(), o.recoveryMillis(), SweepResults.replay(o),
                    o.name(), o.virtualMillis(), o.events(), o.traceLines(), o.stop().name(), o.checks(), o.replay(),
                    wallMillis);
        }

        SimOutcome outcome() {
            return new SimOutcome(name, seed, virtualMillis, events, hash, traceLines, Simulation.Stop.valueOf(stop),
                    checks, recoveryMillis, replayArgs);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private SweepResults() {
    }

    /** The command that replays {@code o}. */
    static String replay(SimOutcome o) {
        return "./cell sim " + String.join(" ", o.replay()) + " --seed " + o.seed();
    }

    static String toJson(Line line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sweep line could not be written as JSON", e);
        }
    }

    /**
     * Reads shard files and returns their lines by seed. A line that is not a sweep result, or a seed that two lines
     * report, is an {@link InputError} naming the file and line.
     */
    static TreeMap<Long, Line> read(List<Path> files) throws IOException {
        TreeMap<Long, Line> bySeed = new TreeMap<>();
        TreeMap<Long, String> where = new TreeMap<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new InputError("no such results file: " + file);
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i).trim();
                if (text.isEmpty()) {
                    continue;
                }
                String at = file + ":" + (i + 1);
                Line line;
                try {
                    line = JSON.readValue(text, Line.class);
                } catch (JsonProcessingException e) {
                    throw new InputError(at + ": not a sweep result line (" + e.getOriginalMessage() + ")");
                }
                if (line.hash() == null || line.stop() == null || line.checks() == null || line.replayArgs() == null) {
                    throw new InputError(at + ": not a sweep result line (hash, stop, checks or replayArgs missing)");
                }
                try {
                    Simulation.Stop.valueOf(line.stop());
                } catch (IllegalArgumentException e) {
                    throw new InputError(at + ": unknown stop '" + line.stop() + "'");
                }
                String before = where.put(line.seed(), at);
                if (before != null) {
                    throw new InputError(at + ": seed " + line.seed() + " is already reported at " + before
                            + " (overlapping shards?)");
                }
                bySeed.put(line.seed(), line);
            }
        }
        if (bySeed.isEmpty()) {
            throw new InputError("the results files hold no seed");
        }
        return bySeed;
    }

    /** The outcomes of {@code lines}, in seed order. */
    static List<SimOutcome> outcomes(TreeMap<Long, Line> lines) {
        List<SimOutcome> outcomes = new ArrayList<>();
        for (Line l : lines.values()) {
            outcomes.add(l.outcome());
        }
        return outcomes;
    }
}
