package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, one nested class per class of finding, each test naming the rule it holds. Run against the code before
 * the fixes (main at d6b3a3b), all 33 tests but the {@code /dev/stdout} one failed; that one was left out there,
 * because as root the old code replaced the device.
 */
class HostileInputTest {

    static final String HCI4 = Path.of("../examples/scenarios/hci4-cluster.yaml").toAbsolutePath().normalize().toString();
    static final String HOST_CRASH = "../examples/scenarios/host-crash.yaml";
    static final String EXAMPLE = "../examples/cluster.yaml";

    /** Words that mean an internal leaked into a message. */
    static final List<String> INTERNALS = List.of("Exception", "io.cellharness", "java.", "com.fasterxml", "org.yaml",
            "\tat ", "Event", "internal error");

    static void assertOneCleanLine(CliRun run) {
        assertThat(run.err().lines()).as(run.err()).hasSize(1);
        for (String word : INTERNALS) {
            assertThat(run.err() + run.out()).as("leaks " + word).doesNotContain(word);
        }
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static String scenario(String body) {
        return "name: x\nclusterFile: " + HCI4 + "\nduration: 1m\n" + body;
    }

    /** Every entry of {@code dir} with its kind and (for regular files) content, symlinks not followed. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String kind = Files.isSymbolicLink(p) ? "link->" + Files.readSymbolicLink(p)
                        : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? "file:" + Files.readString(p)
                        : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir" : "special";
                all.put(dir.relativize(p).toString(), kind);
            }
        }
        return all;
    }

    static void mkfifo(Path p) throws Exception {
        Process pr = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertThat(pr.waitFor()).isZero();
    }

    // ---- 1: output paths ----

    @Nested
    @EnabledOnOs(OS.LINUX)
    class Class1OutputPaths {

        @Test
        void rule_thePredictableTemporaryNameIsNotFollowed(@TempDir Path dir) throws Exception {
            Path victim = write(dir, "victim", "precious");
            Path shared = Files.createDirectory(dir.resolve("shared"));
            Files.createSymbolicLink(shared.resolve(".t1.txt.tmp"), victim);
            CliRun run = CliRun.of("sim", HOST_CRASH, "--trace", shared.resolve("t1.txt").toString());
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(Files.readString(victim)).isEqualTo("precious");
            assertThat(Files.isSymbolicLink(shared.resolve(".t1.txt.tmp"))).isTrue();
            assertThat(Files.readString(shared.resolve("t1.txt"))).contains("ha fenced cube2");
        }

        @Test
        void rule_aPipeAsTraceTargetIsRefusedAndStaysAPipe(@TempDir Path dir) throws Exception {
            Path fifo = dir.resolve("fifo");
            mkfifo(fifo);
            Map<String, String> before = snapshot(dir);
            CliRun run = CliRun.of("sim", HOST_CRASH, "--trace", fifo.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("--trace").contains("not a regular file");
            assertOneCleanLine(run);
            assertThat(snapshot(dir)).isEqualTo(before);
        }

        @Test
        void rule_aDirectoryAsTraceTargetIsRefused(@TempDir Path dir) throws Exception {
            Files.createDirectory(dir.resolve("d"));
            Map<String, String> before = snapshot(dir);
            CliRun run = CliRun.of("sim", HOST_CRASH, "--trace", dir.resolve("d").toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(snapshot(dir)).isEqualTo(before);
        }

        @Test
        void rule_devStdoutIsRefusedNeverReplaced() {
            CliRun run = CliRun.of("sim", HOST_CRASH, "--trace", "/dev/stdout");
            assertThat(run.exit()).isEqualTo(2);
            assertThat(Files.isSymbolicLink(Path.of("/dev/stdout")) || !Files.isRegularFile(Path.of("/dev/stdout")))
                    .isTrue();
        }

        @Test
        void rule_aSymlinkPlantedWhereTheReportPageGoesIsRefused(@TempDir Path dir) throws Exception {
            Path victim = write(dir, "victim", "precious");
            Path report = Files.createDirectory(dir.resolve("case"));
            Files.createSymbolicLink(report.resolve("index.html"), victim);
            Map<String, String> before = snapshot(dir);
            CliRun run = CliRun.of("sim", HOST_CRASH, "--report", report.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("symlink");
            assertThat(snapshot(dir)).isEqualTo(before);
        }

        @Test
        void rule_aFailuresTargetThatIsAPipeIsRefusedBeforeTheSweep(@TempDir Path dir) throws Exception {
            Path fifo = dir.resolve("failures");
            mkfifo(fifo);
            long start = System.nanoTime();
            CliRun run = CliRun.of("sweep", "--random", "--seeds", "1..3", "--failures", fifo.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("--failures");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    // ---- 2: validation is the single gate ----

    @Nested
    class Class2ValidationGate {

        @Test
        void rule_L07_anOvercommitOf1e400IsNotInfinity(@TempDir Path dir) throws Exception {
            Path f = write(dir, "oc.yaml", """
                    settings: {overcommit: {memory: 1e400}}
                    hosts:
                      - {name: a, cores: 4, memory: 1GiB}
                    vms:
                      - {name: v, memory: 2000GiB, vcpus: 1, host: a, timeSync: ntp}
                    """);
            CliRun check = CliRun.of("check", f.toString());
            assertThat(check.exit()).isEqualTo(1);
            assertThat(check.out()).contains("L-07 settings.overcommit.memory");
            CliRun advise = CliRun.of("advise", f.toString());
            assertThat(advise.exit()).isEqualTo(2);
            assertThat(advise.err()).contains("oc.yaml:1:").contains("L-07");
        }

        @Test
        void rule_C05_aCpuGenerationIsNotNegative(@TempDir Path dir) throws Exception {
            Path f = write(dir, "g.yaml", "hosts:\n  - {name: a, cores: 4, memory: 8GiB, "
                    + "cpu: {vendor: intel, model: Haswell, generation: -1}}\n");
            CliRun run = CliRun.of("check", f.toString());
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out()).contains("C-05 hosts[0].cpu.generation = -1");
        }

        @Test
        void rule_G03_aNicSpeedIsPositive(@TempDir Path dir) throws Exception {
            for (String speed : List.of("0", "-10")) {
                Path f = write(dir, "n.yaml", "hosts:\n  - {name: a, cores: 4, memory: 8GiB, "
                        + "nics: [{name: eno1, speedGbps: " + speed + "}]}\n");
                CliRun run = CliRun.of("check", f.toString());
                assertThat(run.exit()).as(speed).isEqualTo(1);
                assertThat(run.out()).contains("hosts[0].nics[0].speedGbps = " + speed);
            }
        }

        @Test
        void rule_H04_aBmcHasAnAddressAUserAndAPasswordEnv(@TempDir Path dir) throws Exception {
            Path f = write(dir, "b.yaml", "hosts:\n  - {name: a, cores: 4, memory: 8GiB, bmc: {address: '', username: admin}}\n");
            CliRun run = CliRun.of("check", f.toString());
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out()).contains("H-04 hosts[0].bmc.address").contains("H-04 hosts[0].bmc.passwordEnv");
        }

        @Test
        void rule_SPEC_everyCommandRefusesDuplicateVmNames(@TempDir Path dir) throws Exception {
            Path f = write(dir, "dup.yaml", """
                    hosts:
                      - {name: a, cores: 4, memory: 8GiB, cpu: {vendor: intel, model: Haswell}}
                      - {name: b, cores: 4, memory: 8GiB, cpu: {vendor: intel, model: Haswell}}
                    vms:
                      - {name: v, memory: 1GiB, vcpus: 1, host: a, timeSync: ntp}
                      - {name: v, memory: 1GiB, vcpus: 1, host: a, timeSync: ntp}
                    """);
            for (String[] args : List.of(new String[] {"advise", f.toString()}, new String[] {"render", f.toString()},
                    new String[] {"migrate-plan", f.toString(), "--vm", "v", "--to", "b"})) {
                CliRun run = CliRun.of(args);
                assertThat(run.exit()).as(args[0]).isEqualTo(2);
                assertThat(run.err()).as(args[0]).contains("dup.yaml:6:").contains("VM name already used by vms[0]");
            }
        }

        @Test
        void rule_S03_theStorageControllerVmIsNotLiveMigrated(@TempDir Path dir) throws Exception {
            Path f = write(dir, "pt.yaml", """
                    hosts:
                      - {name: a, cores: 32, memory: 256GiB, cpu: {vendor: intel, model: Haswell}}
                      - {name: b, cores: 32, memory: 256GiB, cpu: {vendor: intel, model: Haswell}}
                    vms:
                      - name: glue-a
                        memory: 16GiB
                        vcpus: 4
                        host: a
                        timeSync: ntp
                        systemVm: true
                        passthrough: {scsiControllers: ["0000:3b:00.0"], luns: ["/dev/disk/by-id/wwn-0x5000c500a1b2c3d4"]}
                    """);
            CliRun run = CliRun.of("migrate-plan", f.toString(), "--vm", "glue-a", "--to", "b");
            assertThat(run.exit()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).contains("refused before anything is copied (S-03)");
        }
    }

    // ---- 3: YAML aliases ----

    @Nested
    class Class3Aliases {

        @Test
        void rule_anAliasIsRefusedNotReadAsItsName(@TempDir Path dir) throws Exception {
            Path f = write(dir, "a.yaml", "x: &n web\nvms:\n  - {name: *n, memory: 1GiB, vcpus: 1}\n");
            CliRun run = CliRun.of("check", f.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("a.yaml:1:").contains("anchors");
        }

        @Test
        void rule_anUndefinedAliasIsRefused(@TempDir Path dir) throws Exception {
            Path f = write(dir, "u.yaml", "vms:\n  - {name: *undefined, memory: 1GiB, vcpus: 1}\n");
            CliRun run = CliRun.of("check", f.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("u.yaml:2:").contains("alias");
            assertOneCleanLine(run);
        }
    }

    // ---- 4: file contents echoed ----

    @Nested
    class Class4NoEcho {

        @Test
        void rule_aClusterFileThatIsNoClusterIsNotQuoted(@TempDir Path dir) throws Exception {
            write(dir, "shadow", "root:$6$SECRETSALT$SECRETHASHSECRETHASH:20228:0:99999:7:::\n"
                    + "daemon:*:20228:0:99999:7:::\n");
            Path s = write(dir, "s.yaml", "name: x\nclusterFile: shadow\nduration: 1m\n");
            CliRun run = CliRun.of("sim", s.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).doesNotContain("SECRET").doesNotContain("root:").doesNotContain("20228");
        }

        @Test
        void rule_atFileExpansionIsOff(@TempDir Path dir) throws Exception {
            Path secret = write(dir, "args", "TOPSECRETLINE\n");
            CliRun run = CliRun.of("check", "@" + secret);
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).doesNotContain("TOPSECRETLINE").contains("no such file");
        }
    }

    // ---- 5: special files ----

    @Nested
    @EnabledOnOs(OS.LINUX)
    class Class5SpecialFiles {

        @Test
        void rule_devZeroIsRefusedAtOnce() {
            CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRun.of("check", "/dev/zero"));
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("not a regular file");
        }

        @Test
        void rule_aNamedPipeIsRefusedNotWaitedOn(@TempDir Path dir) throws Exception {
            Path fifo = dir.resolve("pipe.yaml");
            mkfifo(fifo);
            Path s = write(dir, "s.yaml", "name: x\nclusterFile: pipe.yaml\nduration: 1m\n");
            CliRun check = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRun.of("check", fifo.toString()));
            assertThat(check.exit()).isEqualTo(2);
            CliRun sim = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRun.of("sim", s.toString()));
            assertThat(sim.exit()).isEqualTo(2);
        }
    }

    // ---- 6: unbounded work ----

    @Nested
    class Class6Bounds {

        @Test
        void rule_seedRangesNeverWrapAndAreBounded(@TempDir Path dir) {
            // The last two seeds of the 64-bit range: two runs, and the sweep ends (it used to wrap and run forever).
            CliRun top = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of("sweep", HOST_CRASH,
                    "--seeds", "9223372036854775806..9223372036854775807", "--failures", dir.resolve("f").toString()));
            assertThat(top.exit()).as(top.err()).isZero();
            assertThat(top.out()).startsWith("2 seeds, 0 failed");
            for (String range : List.of("0..2147483648", "1..99999999999", "1..99999999999999999999")) {
                CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(10),
                        () -> CliRun.of("sweep", "--random", "--seeds", range));
                assertThat(run.exit()).as(range).isEqualTo(2);
                assertThat(run.err()).as(range).doesNotContain("-2147483647");
                assertOneCleanLine(run);
            }
        }

        @Test
        void rule_simulatedTimeIsBounded(@TempDir Path dir) throws Exception {
            Path d = write(dir, "d.yaml", scenario("").replace("duration: 1m", "duration: 99999h"));
            Path q = write(dir, "q.yaml", scenario("quietPeriod: 99999h\n"));
            for (String[] args : List.of(new String[] {"sim", d.toString()}, new String[] {"sim", q.toString()},
                    new String[] {"sim", HOST_CRASH, "--until", "99999h"},
                    new String[] {"sim", "--random", "--duration", "99999h"})) {
                CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRun.of(args));
                assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            }
        }

        @Test
        void rule_aHugeValueIsRefusedBySizeFirst(@TempDir Path dir) throws Exception {
            Path big = write(dir, "big.yaml", "name: " + "a".repeat(3_000_000) + "\n");
            CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CliRun.of("check", big.toString()));
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("larger than");
        }

        @Test
        void rule_aRandomClusterTooLargeForTheHeapIsRefusedFirst() {
            CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> CliRun.of("sim", "--random", "--hosts", "2", "--vms", "2147483647"));
            assertThat(run.exit()).isEqualTo(2);
        }
    }

    // ---- 7: internal errors (exit 70) ----

    @Nested
    class Class7NoInternalErrors {

        @Test
        void rule_aRequiredKeySetToTildeIsAnInputError(@TempDir Path dir) throws Exception {
            for (String doc : List.of("vms:\n  - {name: ~, memory: 1GiB, vcpus: 1}\n",
                    "hosts:\n  - {name: a, cores: 4, memory: ~}\n", "vms: [~]\n",
                    "hosts:\n  - {name: a, cores: 4, memory: 8GiB, bmc: {address: ~}}\n")) {
                Path f = write(dir, "t.yaml", doc);
                CliRun run = CliRun.of("check", f.toString());
                assertThat(run.exit()).as(doc).isEqualTo(2);
                assertOneCleanLine(run);
            }
        }

        @Test
        void rule_extremeLatencyAndJitterAreInputErrors(@TempDir Path dir) throws Exception {
            for (String link : List.of("latency: 9223372036854775807ms", "jitter: 99999h")) {
                Path f = write(dir, "l.yaml", scenario("links:\n  - {network: mgmt, from: cube1, to: cube2, " + link + "}\n"));
                CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.of("sim", f.toString()));
                assertThat(run.exit()).as(link).isEqualTo(2);
                assertThat(run.err()).contains("l.yaml:5:");
            }
        }

        @Test
        void rule_renderWithDuplicateHostNamesIsAnInputError(@TempDir Path dir) throws Exception {
            Path f = write(dir, "h.yaml", """
                    hosts:
                      - {name: cube1, cores: 4, memory: 8GiB, storageController: {monitor: "10.0.0.1:6789"}}
                      - {name: cube1, cores: 4, memory: 8GiB, storageController: {monitor: "10.0.0.2:6789"}}
                    vms:
                      - {name: v, memory: 1GiB, vcpus: 1, host: cube1, timeSync: ntp}
                    """);
            CliRun run = CliRun.of("render", f.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertOneCleanLine(run);
        }

        @Test
        void rule_aNulByteInAClusterFileNameIsAnInputError(@TempDir Path dir) throws Exception {
            Path f = write(dir, "n.yaml", "name: x\nclusterFile: \"a\\0b\"\nduration: 1m\n");
            CliRun run = CliRun.of("sim", f.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertOneCleanLine(run);
        }

        @Test
        void rule_aReportPathThatIsAFileOrALoopIsFoundBeforeTheRun(@TempDir Path dir) throws Exception {
            Path file = write(dir, "file", "x");
            Files.createSymbolicLink(dir.resolve("loop1"), dir.resolve("loop2"));
            Files.createSymbolicLink(dir.resolve("loop2"), dir.resolve("loop1"));
            for (Path report : List.of(file, dir.resolve("loop1"))) {
                long start = System.nanoTime();
                CliRun run = CliRun.of("sweep", "--random", "--seeds", "1..4", "--report", report.toString(),
                        "--failures", dir.resolve("f.txt").toString());
                assertThat(run.exit()).as(report.toString()).isEqualTo(2);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
                assertOneCleanLine(run);
            }
        }
    }

    // ---- 8: messages that leak internals ----

    @Nested
    class Class8Messages {

        @Test
        void rule_noClassExceptionOrParserNamesInMessages(@TempDir Path dir) throws Exception {
            List<String> docs = new ArrayList<>(List.of(
                    "vms:\n  - {name: a, memory: 1GiB, vcpus: .nan}\n",
                    "settings: {overcommit: {memory: .nan}}\n",
                    "vms:\n  - {name: a, memory: 1GiB, vcpus: 1, cpuMode: !!binary abc}\n",
                    "vms:\n  - {name: a, memory: 1GiB, vcpus: 1, disks: [{bus: virtio, size: ~}]}\n",
                    "hosts:\n  - {name: a, cores: 4, memory: 8GiB, cpu: {vendor: intel, model: Haswell, features: [~]}}\n",
                    "vms: [a, b\n",
                    "{]\n"));
            for (String doc : docs) {
                Path f = write(dir, "m.yaml", doc);
                CliRun run = CliRun.of("check", f.toString());
                assertThat(run.exit()).as(doc).isEqualTo(2);
                assertOneCleanLine(run);
                assertThat(run.err()).as(doc).doesNotContain(".nan\"").doesNotContain("For input string");
            }
        }

        @Test
        void rule_simSemanticErrorsNameTheLine(@TempDir Path dir) throws Exception {
            Path f = write(dir, "s.yaml", scenario("actions:\n  - {at: 10s, migrate: nope, to: cube2}\n"));
            CliRun run = CliRun.of("sim", f.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("s.yaml:5:5: actions[0]");
        }

        @Test
        void rule_aRawNewlineInAValueIsNotEchoed(@TempDir Path dir) throws Exception {
            Path f = write(dir, "nl.yaml", "vms:\n  - {name: \"a\\nb\", memory: 1GiB, vcpus: 1}\n"
                    + "  - {name: \"a\\nb\", memory: 1GiB, vcpus: 1}\n");
            CliRun run = CliRun.of("advise", f.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertOneCleanLine(run);
        }
    }

    // ---- 9: silent mistakes ----

    @Nested
    class Class9SilentMistakes {

        @Test
        void rule_anExpectationEntryHasOneKey(@TempDir Path dir) throws Exception {
            Path f = write(dir, "e.yaml", scenario("expect:\n  - {fenced: [cube2], notFenced: [cube2]}\n"));
            CliRun run = CliRun.of("sim", f.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("e.yaml:5:5: expect[0]: one expectation per entry");
        }

        @Test
        void rule_randomModeOptionsBesideAScenarioAreRefused() {
            CliRun run = CliRun.of("sim", HOST_CRASH, "--vms", "5");
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("--vms is for --random");
        }

        @Test
        void rule_anUnknownSubcommandExitsTwoWithASuggestion() {
            CliRun help = CliRun.of("nosuch", "--help");
            assertThat(help.exit()).isEqualTo(2);
            assertThat(help.out()).isEmpty();
            CliRun typo = CliRun.of("chek", "x.yaml");
            assertThat(typo.exit()).isEqualTo(2);
            assertThat(typo.err()).contains("did you mean 'check'");
        }

        @Test
        void rule_numbersAreAsciiDigits() {
            CliRun run = CliRun.of("sim", "--random", "--hosts", "\u0663", "--vms", "4", "--duration", "1m");
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("ASCII digits");
        }
    }
}
