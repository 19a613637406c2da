package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CellCommandTest {

    @Test
    void helpListsTheSubcommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("run").contains("check").contains("advise");
    }

    @Test
    void eachSubcommandSummaryIsOneCompleteSentence() {
        // --help lists each subcommand with the first line of its description: it must not stop mid-sentence.
        CommandLine cli = new CommandLine(new CellCommand());
        assertThat(cli.getSubcommands()).isNotEmpty();
        String help = CliRun.of("--help").out().replaceAll("\\s+", " ");
        cli.getSubcommands().forEach((name, sub) -> {
            // picocli lists the first line of the header, or of the description when there is no header
            var usage = sub.getCommandSpec().usageMessage();
            String summary = usage.header().length > 0 ? usage.header()[0] : usage.description()[0];
            assertThat(summary).as(name).endsWith(".").doesNotContain("\n");
            assertThat(summary.chars().filter(c -> c == '(').count()).as(name)
                    .isEqualTo(summary.chars().filter(c -> c == ')').count());
            assertThat(help).as("--help shows the whole summary of " + name).contains(summary);
        });
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
