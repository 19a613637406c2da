package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimCommandTest {

    static final Pattern HASH = Pattern.compile("sha256 ([0-9a-f]{64})");
    static final Pattern REPLAY = Pattern.compile("replay: \\./cell sim (.*)");

    static String hash(CliRun run) {
        Matcher m = HASH.matcher(run.out());
        assertThat(m.find()).as(run.out() + run.err()).isTrue();
        return m.group(1);
    }

    @Test
    void theSameScenarioAndSeedPrintTheSameTraceHash() {
        CliRun a = CliRun.of("sim", "../examples/scenarios/host-crash.yaml", "--seed", "7");
        CliRun b = CliRun.of("sim", "../examples/scenarios/host-crash.yaml", "--seed", "7");
        assertThat(a.exit()).as(a.out() + a.err()).isZero();
        assertThat(hash(b)).isEqualTo(hash(a));
        assertThat(a.out()).contains("events ").contains("speed ").contains("ok   safety      vm-runs-once");
        assertThat(hash(CliRun.of("sim", "../examples/scenarios/host-crash.yaml", "--seed", "8"))).isNotEqualTo(hash(a));
    }

    @Test
    void aViolationExitsOneWithAReplayCommandThatReproducesTheSameHash() {
        CliRun broken = CliRun.of("sim", "../examples/scenarios/unsafe-lease.yaml", "--seed", "3");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("FAIL safety      restart-only-after-fence");
        Matcher m = REPLAY.matcher(broken.out());
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("../examples/scenarios/unsafe-lease.yaml --seed 3");
        CliRun replay = CliRun.of(("sim " + m.group(1)).split(" "));
        assertThat(replay.exit()).isEqualTo(1);
        assertThat(hash(replay)).isEqualTo(hash(broken));
    }

    @Test
    void aRandomRunReplaysFromItsCommandLine() {
        CliRun a = CliRun.of("sim", "--random", "--seed", "11", "--hosts", "5", "--vms", "20", "--duration", "3m");
        CliRun b = CliRun.of("sim", "--random", "--hosts", "5", "--vms", "20", "--duration", "3m", "--seed", "11");
        assertThat(a.exit()).as(a.out()).isZero();
        assertThat(hash(b)).isEqualTo(hash(a));
    }

    @Test
    void theTraceFileHasTheHashedLinesAndTheReportIsWritten(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("run.trace");
        CliRun run = CliRun.of("sim", "../examples/scenarios/host-crash.yaml", "--trace", trace.toString(),
                "--report", dir.resolve("case").toString());
        assertThat(run.exit()).isZero();
        byte[] bytes = Files.readAllBytes(trace);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(sha).isEqualTo(hash(run));
        assertThat(Files.readString(trace)).contains("ha fenced cube2 POWER_CONFIRMED_OFF");
        assertThat(Files.readString(dir.resolve("case/index.html"))).contains("host crash with a working BMC")
                .contains("guests").contains("kvm (simulated hosts)");
    }

    @Test
    void untilCutsTheRunShort() {
        CliRun run = CliRun.of("sim", "../examples/scenarios/host-crash.yaml", "--until", "40s");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("virtual time 000040.000")
                .contains("  --   liveness    ha-vms-run-again                 not checked (the run was cut short)")
                .contains("  --   expectation fenced [cube2]                   not checked (the run was cut short)")
                .doesNotContain("ok   expectation").doesNotContain("ok   liveness");
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        assertThat(CliRun.of("sim").err()).isEqualTo("cell sim: give a scenario file or --random\n");
        assertThat(CliRun.of("sim", "--random", "--hosts", "1").err())
                .isEqualTo("cell sim: --hosts must be at least 2 for HA\n");
        assertThat(CliRun.of("sim", "--random", "--duration", "soon").err())
                .isEqualTo("cell sim: --duration: 'soon' is not a duration; write it like 500ms, 30s, 2m or 1h\n");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nduration: 1m\nclusterFile: "
                + Path.of("../examples/scenarios/hci4-cluster.yaml").toAbsolutePath().normalize() + "\n"
                + "faults:\n  - {at: 10s, fault: host-crash, host: nope}\n");
        CliRun r = CliRun.of("sim", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        // Semantic errors name the line and column of the value, like parse errors (issue 19).
        assertThat(r.err()).endsWith("bad.yaml:5:5: faults[0]: no host named 'nope' in the cluster\n");
        Files.writeString(bad, "name: x\nduration: 1m\ncluster: {hosts: []}\nfaults:\n  - {at: 10s, fault: meteor}\n");
        assertThat(CliRun.of("sim", bad.toString()).err()).contains("faults[0]: unknown fault 'meteor'; expected one of host-crash");
    }
}
