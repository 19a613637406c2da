package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
