package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    static final String EXAMPLES = "../examples/";

    @Test
    void theExampleIsValid() {
        CliRun run = CliRun.of("check", EXAMPLES + "cluster.yaml");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("../examples/cluster.yaml: valid, 0 errors, 0 warnings");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void fourViolationsExitOneWithTheirIds() {
        CliRun run = CliRun.of("check", EXAMPLES + "limits-exceeded.yaml");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines().filter(l -> l.startsWith("  error")).map(l -> l.trim().split("\\s+")[1]))
                .containsExactly("L-02", "L-03", "L-04", "L-01");
        assertThat(run.out()).contains("L-01 vms[0].memory = 17TiB (limit 16TiB)");
    }

    @Test
    void jsonOutputIsMachineReadable() throws Exception {
        CliRun run = CliRun.of("check", "--json", EXAMPLES + "limits-exceeded.yaml");
        assertThat(run.exit()).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("valid").asBoolean()).isFalse();
        assertThat(doc.get("errors")).hasSize(4);
        assertThat(doc.get("errors").get(0).get("id").asText()).isEqualTo("L-02");
        assertThat(doc.get("errors").get(0).get("limit").asText()).isEqualTo("710");
    }

    @Test
    void aTruncatedFileExitsTwoWithOneLineNamingTheLine(@TempDir Path dir) throws Exception {
        String full = Files.readString(Path.of(EXAMPLES + "cluster.yaml"));
        Path cut = dir.resolve("cut.yaml");
        Files.writeString(cut, full.substring(0, full.indexOf("bonds:") + 20));
        CliRun run = CliRun.of("check", cut.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).matches("(?s)cell check: .*cut\\.yaml:\\d+:\\d+: .*\\n");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void theDocumentationsHostModeIsAcceptedWithAWarningNamingHostModel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("doc-spelling.yaml");
        Files.writeString(file, "vms:\n  - {name: a, memory: 4GiB, vcpus: 2, timeSync: ntp, cpuMode: host-mode}\n");
        CliRun run = CliRun.of("check", file.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains(": valid, 0 errors, 1 warning")
                .contains("  warning  C-01 vms[0].cpuMode = host-mode")
                .contains("read as host-model; write host-model");
    }

    @Test
    void aHostWithoutHardwareVirtualisationIsFlaggedUnfitForProduction(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lab.yaml");
        Files.writeString(file, "hosts:\n  - {name: lab1, cores: 4, memory: 8GiB, kvm: false}\n");
        CliRun run = CliRun.of("check", file.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("  warning  A-04 hosts[0].kvm = false: lab1 has no hardware virtualisation "
                + "(/dev/kvm): its guests would run as qemu (TCG) emulation, unfit for production (a test lab only)");
    }

    @Test
    void sixteenTerabytesIsRefusedSayingToWriteTebibytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tb.yaml");
        Files.writeString(file, "vms:\n  - {name: a, memory: 16TB, vcpus: 2}\n");
        CliRun run = CliRun.of("check", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'16TB' uses a decimal unit; write 16TiB");
    }

    @Test
    void aMistypedValueExitsTwoWithTheLineNumber(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "vms:\n  - name: a\n    memory: 4GiB\n    vcpus: four\n");
        CliRun run = CliRun.of("check", bad.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("cell check: " + bad + ":4:12: vms[0].vcpus: expected a whole number, got 'four'\n");
    }

    @Test
    void aMissingFileExitsTwo() {
        CliRun run = CliRun.of("check", "no/such.yaml");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("cell check: no/such.yaml: no such file\n");
    }

    @Test
    void aFileThatIsNotUtf8ExitsTwo(@TempDir Path dir) throws Exception {
        Path bin = dir.resolve("bin.yaml");
        Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41});
        CliRun run = CliRun.of("check", bin.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).endsWith(": not UTF-8 text\n");
    }
}
