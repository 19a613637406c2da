package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario-file mistakes that would silently do nothing are refused, one line, exit 2. */
class ScenarioMistakesTest {

    private static CliRun sim(Path dir, String body) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "clusterFile: " + Path.of("..", "examples", "field", "nfs5-cluster.yaml")
                .toAbsolutePath().normalize() + "\n" + body);
        return CliRun.of("sim", file.toString());
    }

    @Test
    void aFaultAfterTheEndOfTheScheduleIsRefused(@TempDir Path dir) throws Exception {
        CliRun run = sim(dir, "duration: 2m\nfaults:\n  - {at: 30s, fault: host-crash, host: kvm1}\n"
                + "  - {at: 3m, fault: host-crash, host: kvm2}\n");
        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("faults[1]: at 3m is not before the end of the fault schedule (duration 2m)")
                .doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void aMigrationToTheVmsOwnHostIsRefusedButMigratingBackIsNot(@TempDir Path dir) throws Exception {
        CliRun own = sim(dir, "duration: 2m\nactions:\n  - {at: 10s, migrate: web1, to: kvm1}\n");
        assertThat(own.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(own.err()).contains("actions[0]: web1 already runs on kvm1; a migration needs another host");
        CliRun back = sim(dir, "duration: 2m\nactions:\n  - {at: 10s, migrate: web1, to: kvm2}\n"
                + "  - {at: 60s, migrate: web1, to: kvm1}\n");
        assertThat(back.exit()).as(back.err()).isZero();
    }
}
