package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AdviseCommandTest {

    @Test
    void printsTheP01TablePerVm() {
        CliRun run = CliRun.of("advise", "../examples/cluster.yaml", "--vm", "win1");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("win1:")
                .containsPattern("CPU/MMU\\s+host-passthrough\\s+host passthrough\\s+97%")
                .containsPattern("network I/O\\s+e1000\\s+full emulation\\s+60%")
                .containsPattern("graphics \\(unaccelerated\\)\\s+cirrus\\s+full emulation\\s+50%")
                .contains("P-01 nics[0]: e1000 emulation");
    }

    @Test
    void jsonHasOneEntryPerVm() throws Exception {
        CliRun run = CliRun.of("advise", "--json", "../examples/cluster.yaml");
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc).hasSize(3);
        assertThat(doc.get(0).get("vm").asText()).isEqualTo("web1");
        assertThat(doc.get(0).get("expected").get(0).get("percent").asInt()).isEqualTo(97);
    }

    @Test
    void anUnknownVmIsAUsageError() {
        CliRun run = CliRun.of("advise", "../examples/cluster.yaml", "--vm", "nope");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("cell advise: ../examples/cluster.yaml: no VM named 'nope'\n");
    }
}
