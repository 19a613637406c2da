package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

    @Test
    void aCleanSweepPrintsTheRecoveryDistributionAndWritesItsPage(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("sweep", "--random", "--hosts", "5", "--vms", "20", "--duration", "3m", "--seeds", "1..6",
                "--jobs", "2", "--failures", dir.resolve("f.txt").toString(), "--report", dir.resolve("page").toString());
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("6 seeds, 0 failed").contains("recovery time");
        assertThat(run.err()).contains("6/6 seeds");
        assertThat(dir.resolve("f.txt")).doesNotExist();
        assertThat(Files.readString(dir.resolve("page/index.html"))).contains("1..6")
                .contains("kvm (simulated hosts)");
    }

    @Test
    void failingSeedsAreListedWithReplayCommandsAndWrittenToTheFile(@TempDir Path dir) throws Exception {
        Path failures = dir.resolve("failures.txt");
        CliRun run = CliRun.of("sweep", "../examples/scenarios/unsafe-lease.yaml", "--seeds", "1..3", "--jobs", "1",
                "--failures", failures.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL seed 1: safety restart-only-after-fence")
                .contains("replay: ./cell sim ../examples/scenarios/unsafe-lease.yaml --seed 1");
        assertThat(Files.readAllLines(failures)).contains("1 ../examples/scenarios/unsafe-lease.yaml");
    }

    @Test
    void aBadRangeIsAUsageError() {
        CliRun run = CliRun.of("sweep", "--random", "--seeds", "9..1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("cell sweep: --seeds 9..1 is an empty range\n");
    }

    @Test
    void mergedShardsEqualTheUnshardedSweepSeedBySeedAndHashByHash(@TempDir Path dir) throws Exception {
        String[] random = {"--random", "--hosts", "4", "--vms", "12", "--duration", "2m", "--seeds", "3..9", "--jobs", "1"};
        CliRun whole = CliRun.of(concat(random, "--results", dir.resolve("whole.jsonl").toString(),
                "--failures", dir.resolve("whole-failures.txt").toString(), "--report", dir.resolve("whole").toString()));
        assertThat(whole.exit()).as(whole.out() + whole.err()).isIn(0, 1);
        List<String> shards = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            Path file = dir.resolve("shard-" + k + ".jsonl");
            CliRun shard = CliRun.of(concat(random, "--shard", k + "/3", "--results", file.toString(),
                    "--failures", dir.resolve("shard-failures-" + k + ".txt").toString()));
            assertThat(shard.exit()).as(shard.out() + shard.err()).isIn(0, 1);
            shards.add(file.toString());
        }
        // Interleaved: shard 1 holds seeds 3, 6, 9.
        assertThat(seeds(Files.readAllLines(dir.resolve("shard-1.jsonl")))).containsExactly("3", "6", "9");
        List<String> args = new ArrayList<>(List.of("sweep", "merge"));
        args.addAll(shards);
        args.addAll(List.of("--failures", dir.resolve("merged-failures.txt").toString(), "--report",
                dir.resolve("merged").toString()));
        CliRun merged = CliRun.of(args.toArray(String[]::new));
        assertThat(merged.exit()).isEqualTo(whole.exit());
        assertThat(withoutWallTime(merged.out())).isEqualTo(withoutWallTime(whole.out()));
        assertThat(seedsAndHashes(dir.resolve("whole.jsonl"))).hasSize(7);
        List<String> fromShards = new ArrayList<>();
        for (String shard : shards) {
            fromShards.addAll(seedsAndHashes(Path.of(shard)));
        }
        fromShards.sort(java.util.Comparator.comparingLong(l -> Long.parseLong(l.split(" ")[0])));
        assertThat(fromShards).isEqualTo(seedsAndHashes(dir.resolve("whole.jsonl")));
        assertThat(Files.exists(dir.resolve("merged-failures.txt"))).isEqualTo(Files.exists(dir.resolve("whole-failures.txt")));
        assertThat(Files.readString(dir.resolve("merged/index.html"))).contains("3..9");
    }

    @Test
    void mergedFailuresAreTheUnshardedSweepsFailures(@TempDir Path dir) throws Exception {
        String[] scenario = {"sweep", "../examples/scenarios/unsafe-lease.yaml", "--seeds", "1..4", "--jobs", "1"};
        CliRun whole = CliRun.of(concat(scenario, "--failures", dir.resolve("whole.txt").toString()));
        CliRun one = CliRun.of(concat(scenario, "--shard", "1/2", "--results", dir.resolve("a.jsonl").toString(),
                "--failures", dir.resolve("a.txt").toString()));
        CliRun two = CliRun.of(concat(scenario, "--shard", "2/2", "--results", dir.resolve("b.jsonl").toString(),
                "--failures", dir.resolve("b.txt").toString()));
        assertThat(one.exit()).isEqualTo(1);
        assertThat(two.exit()).isEqualTo(1);
        CliRun merged = CliRun.of("sweep", "merge", dir.resolve("b.jsonl").toString(), dir.resolve("a.jsonl").toString(),
                "--failures", dir.resolve("merged.txt").toString());
        assertThat(merged.exit()).isEqualTo(1);
        assertThat(withoutWallTime(merged.out())).isEqualTo(withoutWallTime(whole.out()));
        assertThat(Files.readAllLines(dir.resolve("merged.txt"))).isEqualTo(Files.readAllLines(dir.resolve("whole.txt")))
                .hasSize(4);
    }

    @Test
    void overlappingOrMissingShardsAreRefused(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.jsonl");
        CliRun shard = CliRun.of("sweep", "--random", "--hosts", "3", "--vms", "6", "--duration", "1m", "--seeds", "1..3",
                "--shard", "1/2", "--results", a.toString(), "--jobs", "1", "--failures", dir.resolve("f").toString());
        assertThat(shard.exit()).as(shard.err()).isIn(0, 1);
        CliRun twice = CliRun.of("sweep", "merge", a.toString(), a.toString());
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains("seed 1 is already reported");
        CliRun gap = CliRun.of("sweep", "merge", a.toString(), "--failures", dir.resolve("g").toString());
        assertThat(gap.exit()).isEqualTo(2);
        assertThat(gap.err()).contains("a shard is missing");
        Files.writeString(dir.resolve("junk.jsonl"), "{\"seed\": 1}\n");
        CliRun junk = CliRun.of("sweep", "merge", dir.resolve("junk.jsonl").toString());
        assertThat(junk.exit()).isEqualTo(2);
        assertThat(junk.err()).startsWith("cell sweep merge: ").contains("junk.jsonl:1").doesNotContain("Exception\n\tat");
        CliRun badShard = CliRun.of("sweep", "--random", "--seeds", "1..3", "--shard", "0/2");
        assertThat(badShard.exit()).isEqualTo(2);
        assertThat(badShard.err()).isEqualTo("cell sweep: --shard 0/2: K must be from 1 to N\n");
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>();
        if (!a[0].equals("sweep")) {
            all.add("sweep");
        }
        all.addAll(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    private static List<String> seeds(List<String> jsonLines) {
        return jsonLines.stream().map(l -> l.replaceAll("^\\{\"seed\":(\\d+),.*", "$1")).toList();
    }

    /** "seed hash verdict recoveries" per line. */
    private static List<String> seedsAndHashes(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : Files.readAllLines(file)) {
            var node = json.readTree(line);
            out.add(node.get("seed").asLong() + " " + node.get("hash").asText() + " " + node.get("verdict").asText()
                    + " " + node.get("recoveryMillis") + " " + node.get("replay").asText());
        }
        return out;
    }

    /** The summary without what differs between runs: wall time, file names and the merge's own line. */
    private static String withoutWallTime(String out) {
        return out.lines().filter(l -> !l.startsWith("merged ") && !l.startsWith("results of ")
                        && !l.startsWith("sweep report:") && !l.startsWith("failing seeds written"))
                .map(l -> l.replaceAll(" in [0-9.]+ s wall", "")).reduce("", (x, y) -> x + y + "\n");
    }
}
