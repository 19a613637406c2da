package io.cellharness.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the seeds {@code cell sweep} once found failing (its failures file, copied to
 * {@code src/test/resources/regressions/random-seeds.txt}), so a fixed bug stays fixed. Each line: {@code SEED --random
 * --hosts H --vms V --duration D}.
 */
class RegressionSeedsTest {

    static Stream<String> lines() throws IOException {
        try (InputStream in = RegressionSeedsTest.class.getResourceAsStream("/regressions/random-seeds.txt")) {
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.trim());
                }
            }
            return lines.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("lines")
    void replaysCleanly(String line) {
        String[] p = line.split("\\s+");
        long seed = Long.parseLong(p[0]);
        int hosts = Integer.parseInt(value(p, "--hosts"));
        int vms = Integer.parseInt(value(p, "--vms"));
        long duration = VirtualDuration.parse(value(p, "--duration")).millis();
        SimOutcome outcome = SimRun.prepare(RandomScenario.generate(seed, hosts, vms, duration)).finish();
        assertThat(outcome.failures()).as(line).isEmpty();
    }

    private static String value(String[] parts, String flag) {
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals(flag)) {
                return parts[i + 1];
            }
        }
        throw new IllegalArgumentException("no " + flag);
    }
}
