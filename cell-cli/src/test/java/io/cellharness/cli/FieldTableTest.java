package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's field table is the one {@code cell field-table examples/field} prints: it cannot drift. */
class FieldTableTest {

    @Test
    void readmeTableIsTheGeneratedOne() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String generated = FieldTableCommand.table(Path.of("..", "examples", "field"), "examples/field");
        assertThat(FieldTableCommand.section(readme, Path.of("README.md"))).isEqualTo(generated);
        assertThat(generated.lines().filter(l -> l.startsWith("| [`")).count()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void comparePoliciesPrintsBothSideBySide() {
        CliRun run = CliRun.of("sim", "../examples/field/cs-13784-ceph-only.yaml", "--compare-policies");
        assertThat(run.out()).contains("cloudstack").contains("fenced hosts").containsPattern("not recovered\\s+none\\s+kvm2");
        assertThat(run.exit()).isEqualTo(ExitCode.FINDINGS);
        CliRun bad = CliRun.of("sim", "../examples/field/cs-13784-ceph-only.yaml", "--policy", "vmware");
        assertThat(bad.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("--policy: unknown HA policy 'vmware'; expected cell or cloudstack");
    }

    @Test
    void theCasePagesReplayLineWorksFromAnyDirectory(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("sim", "../examples/field/vsphere-host-isolation.yaml", "--report", dir.toString());
        String page = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
        Path scenario = Path.of("..", "examples", "field", "vsphere-host-isolation.yaml").toAbsolutePath().normalize();
        Path cell = Path.of("..", "cell").toAbsolutePath().normalize();
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(page).contains(cell + " sim " + scenario + " --seed 1");
        // The page shows the ground truth beside the belief, and counts expectations apart.
        assertThat(page).contains("Host truth (thin strip)").contains("expectations met").contains("invariants held");
    }
}
