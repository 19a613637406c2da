package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @Test
    void runsTheScenariosAndWritesThePerIdSummary(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("run", "--tags", "@L-02 or @M-02", "--report-dir", dir.toString(), "--no-html");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("L-02\\s+4\\s+4\\s+0\\s+0\\s+sim\\s+ok")
                .containsPattern("M-02\\s+1\\s+1\\s+0\\s+0\\s+sim\\s+ok")
                .containsPattern("H-06\\s+0\\s+0\\s+0\\s+0\\s+sim\\s+none");
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("| L-02 | 4 | 4 | 0 | 0 | sim |");
        assertThat(dir.resolve("summary.json")).exists();
        // the run says which guests it ran
        assertThat(run.out()).contains("guests: kvm (simulated hosts) (A-04)");
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("Guests: kvm (simulated hosts) (A-04).");
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"guests\" : \"kvm (simulated hosts)\"");
        try (var results = Files.list(dir.resolve("allure-results"))) {
            assertThat(results.filter(p -> p.toString().endsWith("-result.json")).count()).isEqualTo(5);
        }
    }

    @Test
    void aTagExpressionThatMatchesNothingIsAUsageError(@TempDir Path dir) {
        CliRun run = CliRun.of("run", "--tags", "@Z-99", "--report-dir", dir.toString(), "--no-html");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no scenario matched the tags @Z-99");
    }
}
