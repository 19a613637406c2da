package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellCommandTest {

    @Test
    void helpListsTheSubcommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("run").contains("check").contains("advise");
    }

    @Test
    void versionNamesTheBuild() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("cell 0.").doesNotContain("unknown");
    }

    @Test
    void anUnknownOptionIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("check", "--frobnicate", "x.yaml");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("cell check: Unknown option: '--frobnicate'");
    }

    @Test
    void noSubcommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("a subcommand is required");
    }

    @Test
    void anUnknownBackendIsAUsageError() {
        CliRun run = CliRun.of("run", "--backend", "vmware");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("cell run: --backend must be sim or libvirt, not 'vmware'\n");
    }
}
