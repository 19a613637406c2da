package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellharness.core.migration.MigrationFallback;
import io.cellharness.core.migration.MigrationOptions;
import io.cellharness.core.migration.MigrationPrediction;
import io.cellharness.core.migration.PreCopyModel;
import io.cellharness.core.model.Size;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MigratePlanCommandTest {

    static final String EXAMPLE = "../examples/cluster.yaml";

    private static JsonNode json(CliRun run) throws Exception {
        return new ObjectMapper().readTree(run.out());
    }

    /** Every figure of the CLI's JSON is the engine's for the same inputs. */
    private static void assertSameFigures(JsonNode prediction, MigrationPrediction engine) {
        assertThat(prediction.get("outcome").asText()).isEqualTo(engine.outcome().name());
        assertThat(prediction.get("iterations").asInt()).isEqualTo(engine.iterations());
        assertThat(prediction.get("durationMillis").asLong()).isEqualTo(engine.durationMillis());
        assertThat(prediction.get("downtimeMillis").asLong()).isEqualTo(engine.downtimeMillis());
        assertThat(prediction.get("diskBytes").asLong()).isEqualTo(engine.diskBytes());
        assertThat(prediction.get("memoryBytesSent").asLong()).isEqualTo(engine.memoryBytesSent());
        assertThat(prediction.get("bytesTransferred").asLong()).isEqualTo(engine.bytesTransferred());
        assertThat(prediction.get("finalThrottlePercent").asInt()).isEqualTo(engine.finalThrottlePercent());
        assertThat(prediction.get("bandwidthGbps").asDouble()).isEqualTo(engine.bandwidthGbps());
        assertThat(prediction.get("slowNetwork").asBoolean()).isEqualTo(engine.slowNetwork());
        assertThat(prediction.get("advice")).hasSize(engine.advice().size());
        for (int i = 0; i < engine.advice().size(); i++) {
            assertThat(prediction.get("advice").get(i).asText()).isEqualTo(engine.advice().get(i));
        }
    }

    @Test
    void aBusyVmOnTenGigabitConvergesAndExitsZero() {
        CliRun run = CliRun.of("migrate-plan", "--memory", "64GiB", "--dirty-rate", "500", "--bandwidth", "10");
        assertThat(run.exit()).as(run.err()).isZero();
        MigrationPrediction engine = PreCopyModel.predict(Size.ofGiB(64).bytes(), 0, 10,
                MigrationOptions.defaults().withDirtyRate(500));
        assertThat(run.out()).startsWith("pre-copy live migration of 64GiB of memory at 10 Gb/s\n")
                .contains("  outcome      converges after " + engine.iterations() + " passes\n")
                .contains("  duration     " + engine.durationMillis() + " ms")
                .contains("  downtime     " + engine.downtimeMillis() + " ms\n")
                .contains("  transferred  " + engine.bytesTransferred() + " bytes")
                .contains("at or above the recommended 10 Gb/s");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theSameVmOnOneGigabitDoesNotConvergeIsFlaggedSlowAndExitsOne() {
        CliRun run = CliRun.of("migrate-plan", "--memory", "64GiB", "--dirty-rate", "500", "--bandwidth", "1");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("does not converge in 30 passes; aborted, the VM stays on the source")
                .contains("1 Gb/s, slow (G-03)")
                .contains("G-03: the management network gives 1 Gb/s; migration over it is slow, 10 Gb/s or more is "
                        + "recommended")
                .contains("G-03: pre-copy does not converge in 30 passes: the guest dirties memory (500 MiB/s) at "
                        + "least as fast as the network sends it");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "idle 8GiB on 10 Gb/s                | 8GiB  | 0    | 10  | 0      | 300  | false | 30 | abort",
        "busy 64GiB on 10 Gb/s               | 64GiB | 500  | 10  | 0      | 300  | false | 30 | abort",
        "busy 64GiB on 1 Gb/s, aborted       | 64GiB | 500  | 1   | 0      | 300  | false | 30 | abort",
        "busy on 1 Gb/s, suspended           | 64GiB | 500  | 1   | 0      | 300  | false | 5  | suspend",
        "auto-converge on 2.5 Gb/s           | 64GiB | 400  | 2.5 | 0      | 300  | true  | 30 | abort",
        "unshared 100GiB disk, 1 s downtime  | 16GiB | 200  | 25  | 100GiB | 1000 | false | 30 | abort",
    })
    void theCliFiguresAreThePreCopyModels(String label, String memory, double dirty, double gbps, String disk,
                                          long downtime, boolean autoConverge, int passes, String fallback)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("migrate-plan", "--json", "--memory", memory, "--dirty-rate",
                number(dirty), "--bandwidth", number(gbps), "--disk", disk, "--max-downtime", downtime + "ms",
                "--max-iterations", Integer.toString(passes), "--fallback", fallback));
        if (autoConverge) {
            args.add("--auto-converge");
        }
        CliRun run = CliRun.of(args.toArray(new String[0]));
        MigrationOptions options = MigrationOptions.defaults().withDirtyRate(dirty).withMaxDowntime(downtime)
                .withAutoConverge(autoConverge).withMaxIterations(passes)
                .withFallback(MigrationFallback.fromYaml(fallback));
        MigrationPrediction engine = PreCopyModel.predict(Size.parse(memory).bytes(), Size.parse(disk).bytes(), gbps,
                options);
        assertThat(run.exit()).as(run.err()).isEqualTo(engine.converges() ? 0 : 1);
        JsonNode doc = json(run);
        assertThat(doc.get("converges").asBoolean()).isEqualTo(engine.converges());
        assertThat(doc.get("completes").asBoolean()).isEqualTo(engine.completes());
        assertThat(doc.get("options").get("fallback").asText()).isEqualTo(fallback);
        assertSameFigures(doc.get("prediction"), engine);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--bandwidth      | -1    | '-1' is not a bandwidth",
        "--bandwidth      | 0     | '0' is not a bandwidth",
        "--bandwidth      | fast  | 'fast' is not a bandwidth",
        "--memory         | lots  | 'lots' is not a size",
        "--memory         | 64GB  | uses a decimal unit",
        "--dirty-rate     | -5    | '-5' is not a dirty rate",
        "--max-downtime   | 0ms   | '0ms' is not a downtime",
        "--max-downtime   | 1.5ms | '1.5ms' is not a downtime",
        "--max-iterations | 0     | '0' is not a number of passes",
        "--fallback       | retry | unknown migration fallback 'retry'; expected one of abort, suspend",
    })
    void aBadValueIsOneLineAndExitTwo(String option, String value, String says) {
        CliRun run = CliRun.of("migrate-plan", "--memory", "64GiB", "--bandwidth", "10", option, value);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("cell migrate-plan: Invalid value for option '" + option + "'")
                .contains(says).doesNotContain("Exception");
    }

    @Test
    void withoutAFileMemoryAndBandwidthAreRequired() {
        CliRun run = CliRun.of("migrate-plan", "--memory", "64GiB");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("cell migrate-plan: without a cluster FILE, --memory and --bandwidth are "
                + "required, e.g. --memory 64GiB --bandwidth 10\n");
    }

    @Test
    void aReadyPlanFromTheExampleUsesPort49152AndTheEnginesFigures() throws Exception {
        CliRun run = CliRun.of("migrate-plan", "--json", EXAMPLE, "--vm", "web1", "--to", "cube2", "--dirty-rate",
                "200");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode doc = json(run);
        assertThat(doc.get("ready").asBoolean()).isTrue();
        assertThat(doc.get("source").asText()).isEqualTo("cube1");
        assertThat(doc.get("cpu").get("rule").asText()).isEqualTo("C-03");
        assertThat(doc.get("request").get("port").asInt()).isEqualTo(49152);
        assertThat(doc.get("request").get("copyStorage").asBoolean()).isFalse();
        // web1: 8 GiB on shared storage; both hosts' bond-MGMT is active-backup over 10 Gb/s NICs.
        assertSameFigures(doc.get("prediction"), PreCopyModel.predict(Size.ofGiB(8).bytes(), 0, 10,
                MigrationOptions.defaults().withDirtyRate(200)));
    }

    @Test
    void aReadyPlanInTextNamesTheCpuRuleAndTheManagementPort() {
        CliRun run = CliRun.of("migrate-plan", EXAMPLE, "--vm", "web1", "--to", "cube2");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("web1: cube1 -> cube2\n")
                .contains("  cpu          C-03 allowed: ")
                .contains("  request      port 49152 on the management network (br-MGMT) at 10 Gb/s, storage shared")
                .contains("  outcome      converges after 1 pass\n");
    }

    @Test
    void aCpuRefusalComesFirstWithItsReasonAndExitsOne() throws Exception {
        CliRun run = CliRun.of("migrate-plan", EXAMPLE, "--vm", "web1", "--to", "cube3");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("web1: cube1 -> cube3 refused before anything is copied (C-03): target host "
                + "CPU Cascadelake-Server lacks ");
        JsonNode doc = json(CliRun.of("migrate-plan", "--json", EXAMPLE, "--vm", "web1", "--to", "cube3"));
        assertThat(doc.get("ready").asBoolean()).isFalse();
        assertThat(doc.get("rule").asText()).isEqualTo("C-03");
        assertThat(doc.get("reason").asText()).contains("avx512vbmi");
    }

    @Test
    void aPlanThatDoesNotConvergeExitsOneWithTheReason(@TempDir Path dir) throws Exception {
        Path slow = dir.resolve("slow.yaml");
        Files.writeString(slow, """
                hosts:
                  - {name: a, cores: 32, memory: 256GiB, cpu: {vendor: intel, model: Haswell},
                     nics: [{name: eno1, speedGbps: 1}], bonds: [{name: bond-MGMT, slaves: [eno1]}]}
                  - {name: b, cores: 32, memory: 256GiB, cpu: {vendor: intel, model: Haswell},
                     nics: [{name: eno1, speedGbps: 1}], bonds: [{name: bond-MGMT, slaves: [eno1]}]}
                vms:
                  - {name: db, memory: 64GiB, vcpus: 8, host: a}
                """);
        CliRun run = CliRun.of("migrate-plan", slow.toString(), "--vm", "db", "--to", "b", "--dirty-rate", "500");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("at 1 Gb/s").contains("G-03: pre-copy does not converge in 30 passes");
        CliRun faster = CliRun.of("migrate-plan", slow.toString(), "--vm", "db", "--to", "b", "--dirty-rate", "500",
                "--bandwidth", "10");
        assertThat(faster.exit()).as("--bandwidth overrides the bonds").isZero();
    }

    @Test
    void fileModeInputErrorsExitTwo() {
        assertThat(CliRun.of("migrate-plan", EXAMPLE, "--vm", "web1").err())
                .isEqualTo("cell migrate-plan: with a cluster FILE, --vm NAME and --to HOST are required\n");
        CliRun memory = CliRun.of("migrate-plan", EXAMPLE, "--vm", "web1", "--to", "cube2", "--memory", "8GiB");
        assertThat(memory.exit()).isEqualTo(2);
        assertThat(memory.err()).contains("--memory and --disk come from the cluster file");
        CliRun noVm = CliRun.of("migrate-plan", EXAMPLE, "--vm", "nope", "--to", "cube2");
        assertThat(noVm.exit()).isEqualTo(2);
        assertThat(noVm.err()).isEqualTo("cell migrate-plan: ../examples/cluster.yaml: no VM named 'nope'\n");
        CliRun noHost = CliRun.of("migrate-plan", EXAMPLE, "--vm", "web1", "--to", "cube9");
        assertThat(noHost.exit()).isEqualTo(2);
        assertThat(noHost.err()).isEqualTo("cell migrate-plan: ../examples/cluster.yaml: no host named 'cube9'\n");
        CliRun missing = CliRun.of("migrate-plan", "no/such.yaml", "--vm", "a", "--to", "b");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("cell migrate-plan: no/such.yaml: no such file\n");
        CliRun flagsWithVm = CliRun.of("migrate-plan", "--memory", "8GiB", "--bandwidth", "10", "--vm", "web1");
        assertThat(flagsWithVm.exit()).isEqualTo(2);
    }

    @Test
    void helpListsMigratePlan() {
        assertThat(CliRun.of("--help").out()).contains("migrate-plan");
    }
}
