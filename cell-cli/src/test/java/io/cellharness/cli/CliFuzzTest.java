package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Issue 19's fuzzing suite: the examples mutated into cluster files, scenario files and flag lists, run in-process
 * against every subcommand. For each case: exit 0, 1 or 2; no exception, class or parser name and no stack frame in
 * the output; a refusal in one line; an answer within {@link #BOUND_MILLIS}; no file written but the named outputs.
 *
 * <p>The number of cases is jqwik's default tries: {@code cell.fuzz.tries} in the build (a few thousand), at least
 * 10,000 with {@code -Pfuzz}. A failing case's inputs are written to {@code target/fuzz-failures/}; copy them to
 * {@code src/test/resources/fuzz-regressions/}, where {@link FuzzRegressionTest} replays every one.
 */
class CliFuzzTest {

    static final long BOUND_MILLIS = 60_000;
    static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    static final List<String> CLUSTERS = List.of("cluster.yaml", "limits-exceeded.yaml", "scenarios/hci4-cluster.yaml");
    static final List<String> SCENARIOS = List.of("host-crash.yaml", "bmc-dead.yaml", "bmc-lies.yaml",
            "capacity-short.yaml", "glue-paths.yaml", "lossy-link.yaml", "mgmt-partition.yaml",
            "migration-target-fails.yaml", "unsafe-lease.yaml");

    /** Values a person or an attacker might write where a value goes. */
    static final List<String> HOSTILE = List.of("~", "null", "", "-1", "0", "1", "1e400", "-1e400", ".nan", ".inf",
            "*x", "&a x", "*undefined", "99999h", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "\"a\\nb\"", "\"a\\0b\"", "[]", "{}", "[~]", "''", "\u0663", "!!binary eA==", "!!java.lang.Object {}",
            "/dev/zero", "/etc/shadow", "@/etc/passwd", "16TB", "1.5", "0.5GiB", "cube1", "cube9", "web1", "yes",
            "{a: 1, b: 2}", "[1, [2, [3]]]", "'%s%n'", "${HOME}", "x".repeat(300), "\"\\u2028\"", "- x", "? a", "|",
            ">-", "#", "---", "...", "\t", "10s", "0ms", "2m", "true", "host-crash", "mgmt", "ipmi", "virtio", "ide");

    static final List<String> FLAG_VALUES = List.of("1", "2", "3", "0", "-1", "\u0663", "2147483648", "1e3", "abc", "",
            " ", "1..2", "2..1", "0..0", "9223372036854775806..9223372036854775807", "1..99999999999", "10m", "99999h",
            "30s", "0s", "/dev/stdout", "/dev/null", "@x", "--help", "-h", "ten", "1.5", "64GiB", "16TB", "500", "kvm");

    /** One generated invocation. */
    record FuzzCase(String kind, String file, String fileText, List<String> args) {
        @Override
        public String toString() {
            return kind + " " + args + (fileText == null ? "" : "\n--- " + file + " ---\n" + fileText);
        }
    }

    static String example(String name) {
        try {
            return Files.readString(EXAMPLES.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1 to 3 text mutations, drawn from {@code seed}. */
    static String mutate(String text, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>(text.lines().toList());
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n && !lines.isEmpty(); i++) {
            int at = r.nextInt(lines.size());
            String line = lines.get(at);
            switch (r.nextInt(9)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line);
                case 2 -> {
                    int other = r.nextInt(lines.size());
                    lines.set(at, lines.get(other));
                    lines.set(other, line);
                }
                case 3, 4, 5 -> {
                    // Replace a scalar after "key:" (or a flow value after ": ") with a hostile value.
                    int colon = line.indexOf(": ");
                    String value = HOSTILE.get(r.nextInt(HOSTILE.size()));
                    if (colon >= 0) {
                        int end = nextDelimiter(line, colon + 2);
                        lines.set(at, line.substring(0, colon + 2) + value + line.substring(end));
                    } else {
                        lines.set(at, line + " " + value);
                    }
                }
                case 6 -> lines.set(at, " ".repeat(r.nextInt(4)) + line.stripLeading());
                case 7 -> lines.set(at, line.substring(0, r.nextInt(line.length() + 1)));
                default -> {
                    String key = List.of("name", "memory", "vcpus", "host", "hosts", "extra", "seed", "duration",
                            "clusterFile", "expect", "faults", "links", "quietPeriod", "ha").get(r.nextInt(14));
                    lines.add(at, line.substring(0, line.length() - line.stripLeading().length()) + key + ": "
                            + HOSTILE.get(r.nextInt(HOSTILE.size())));
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static int nextDelimiter(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ',' || c == '}' || c == ']' || c == '#') {
                return i;
            }
        }
        return line.length();
    }

    @Provide
    Arbitrary<FuzzCase> cases() {
        Arbitrary<FuzzCase> clusters = Combinators.combine(Arbitraries.of(CLUSTERS), Arbitraries.longs(),
                Arbitraries.integers().between(0, 5)).as((name, seed, cmd) -> {
                    String text = mutate(example(name), seed);
                    List<String> args = switch (cmd) {
                        case 0 -> List.of("check", "{file}");
                        case 1 -> List.of("check", "--json", "{file}");
                        case 2 -> List.of("advise", "{file}");
                        case 3 -> List.of("render", "{file}");
                        case 4 -> List.of("render", "{file}", "--vm", "web1", "--domain-type", "qemu");
                        default -> List.of("migrate-plan", "{file}", "--vm", "web1", "--to", "cube2");
                    };
                    return new FuzzCase("cluster:" + name, "c.yaml", text, args);
                });
        Arbitrary<FuzzCase> scenarios = Combinators.combine(Arbitraries.of(SCENARIOS), Arbitraries.longs(),
                Arbitraries.integers().between(0, 2)).as((name, seed, cmd) -> {
                    String text = mutate(example("scenarios/" + name), seed);
                    List<String> args = switch (cmd) {
                        case 0 -> List.of("sim", "{file}", "--until", "15s");
                        case 1 -> List.of("sim", "{file}", "--until", "15s", "--json", "--trace", "{dir}/out.trace");
                        default -> List.of("sim", "{file}", "--until", "15s", "--seed", "7", "--report", "{dir}/case");
                    };
                    return new FuzzCase("scenario:" + name, "s.yaml", text, args);
                });
        Arbitrary<FuzzCase> flags = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 100), Arbitraries.of(FLAG_VALUES)).as((cmd, slot, value) -> {
                    List<String> base = new ArrayList<>(switch (cmd) {
                        case 0 -> List.of("sim", "--random", "--hosts", "3", "--vms", "4", "--duration", "1m",
                                "--until", "30s", "--seed", "5");
                        case 1 -> List.of("sweep", "--random", "--hosts", "2", "--vms", "2", "--duration", "1m",
                                "--seeds", "1..2", "--failures", "{dir}/failures.txt");
                        case 2 -> List.of("migrate-plan", "--memory", "64GiB", "--dirty-rate", "500", "--bandwidth",
                                "10", "--max-downtime", "300ms", "--max-iterations", "30");
                        default -> List.of("check", "--json", EXAMPLES.resolve("cluster.yaml").toString());
                    });
                    // Replace one value (never the subcommand) or add the value as an extra argument.
                    int at = 1 + slot % base.size();
                    if (at < base.size() && !base.get(at).startsWith("--") && value.length() < 40) {
                        base.set(at, value);
                    } else {
                        base.add(value);
                    }
                    return new FuzzCase("flags", null, null, List.copyOf(base));
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, clusters), net.jqwik.api.Tuple.of(3, scenarios), net.jqwik.api.Tuple.of(2, flags));
    }

    static final Path CWD = Path.of("").toAbsolutePath();
    static final TreeSet<String> CWD_BEFORE = list(CWD);

    static TreeSet<String> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TreeSet<String> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    @Property(shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void everySubcommandAnswersCleanlyWithinItsBound(@ForAll("cases") FuzzCase c) throws Exception {
        Path dir = Files.createTempDirectory("cell-fuzz-");
        try {
            check(c, dir);
        } catch (AssertionError | RuntimeException e) {
            keepFailure(c);
            throw e;
        } finally {
            deleteTree(dir);
        }
    }

    /** Runs one case in {@code dir} and asserts the suite's promises. */
    static void check(FuzzCase c, Path dir) throws IOException {
        Files.copy(EXAMPLES.resolve("scenarios/hci4-cluster.yaml"), dir.resolve("hci4-cluster.yaml"));
        if (c.fileText() != null) {
            Files.writeString(dir.resolve(c.file()), c.fileText());
        }
        String[] args = c.args().stream()
                .map(a -> a.replace("{file}", c.file() == null ? "" : dir.resolve(c.file()).toString())
                        .replace("{dir}", dir.toString()))
                .toArray(String[]::new);
        TreeSet<String> before = tree(dir);
        long start = System.nanoTime();
        CliRun run = CliRun.of(args);
        long millis = (System.nanoTime() - start) / 1_000_000;
        TIMES.merge(c.kind().replaceAll(":.*", "") + " " + c.args().get(0), new long[] {1, millis},
                (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        String all = run.out() + run.err();
        assertThat(run.exit()).as(all).isIn(0, 1, 2);
        for (String word : List.of("Exception", "io.cellharness.", "java.lang", "java.nio", "com.fasterxml",
                "org.yaml", "\tat ", "internal error", "Event(")) {
            assertThat(all).as("leaks " + word).doesNotContain(word);
        }
        if (run.exit() == 2) {
            assertThat(run.err().lines().filter(l -> !l.isBlank()).count()).as(run.err()).isEqualTo(1);
        }
        assertThat(millis).as("answer time").isLessThan(BOUND_MILLIS);
        TreeSet<String> after = tree(dir);
        after.removeAll(before);
        after.removeIf(p -> p.equals("out.trace") || p.equals("case") || p.startsWith("case/")
                || p.equals("failures.txt"));
        assertThat(after).as("files written beside the named outputs").isEmpty();
        assertThat(list(CWD)).as("files written in the working directory").isEqualTo(CWD_BEFORE);
    }

    static void keepFailure(FuzzCase c) {
        try {
            Path out = Files.createDirectories(Path.of("target/fuzz-failures"));
            Path f = out.resolve("case-" + Integer.toHexString(c.toString().hashCode()) + ".txt");
            Files.writeString(f, "# args: " + String.join(" ", c.args()) + "\n# file: " + c.file() + "\n"
                    + (c.fileText() == null ? "" : c.fileText()));
        } catch (IOException e) {
            // keeping the case is best effort; the failure itself is reported by jqwik
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Cases and milliseconds per kind and subcommand, printed at the end (the README's figures come from here). */
    static final java.util.Map<String, long[]> TIMES = new java.util.concurrent.ConcurrentSkipListMap<>();

    @AfterContainer
    static void nothingLeftInTheWorkingDirectory() {
        TIMES.forEach((k, v) -> System.out.println("fuzz " + k + ": " + v[0] + " cases, " + v[1] + " ms"));
        assertThat(list(CWD)).isEqualTo(CWD_BEFORE);
    }
}
