package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cell agent} and {@code cell manager} refuse what they cannot use in one line with exit code 2, before
 * anything starts. The services themselves are tested as real processes in the runtime module.
 */
class ServiceCommandsTest {

    @TempDir
    Path dir;

    @Test
    void withoutAConfigurationEachCommandSaysSoInOneLine() {
        for (String[] args : new String[][] {{"agent"}, {"manager"}, {"agent", "status"}, {"manager", "status"}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).endsWith("--config FILE is required\n")
                    .doesNotContain("Exception").hasLineCount(1);
        }
    }

    @Test
    void aConfigurationMissingAKeyIsNamedWithItsFile() throws Exception {
        Path agent = Files.writeString(dir.resolve("agent.yaml"), "host: cube1\ncluster: cluster.yaml\n");

        CliRun run = CliRun.of("agent", "--config", agent.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("cell agent: " + agent + ": manager: required\n");
    }

    @Test
    void anUnknownKeyIsOneLineNamingTheFileAndTheKey() throws Exception {
        Path manager = Files.writeString(dir.resolve("manager.yaml"), "node: manager\npasword: hunter2\n");

        CliRun run = CliRun.of("manager", "--config", manager.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("cell manager: " + manager + ":").contains("unknown key 'pasword'")
                .hasLineCount(1).doesNotContain("Exception").doesNotContain("hunter2");
    }
}
