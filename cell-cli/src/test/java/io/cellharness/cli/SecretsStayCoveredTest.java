package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, secrets stay covered: with a distinctive BMC password in the environment variable the cluster names, no
 * output the project writes holds it: standard output (text and JSON), the trace, the case report, the sweep report
 * and the failures file. The commands run in a child JVM, because the password must be in a real environment.
 */
class SecretsStayCoveredTest {

    static final String PASSWORD = "Zq7-distinctive-BMC-secret-4411";

    @Test
    void noOutputHoldsTheBmcPassword(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        List<String> stdout = new ArrayList<>();
        stdout.add(cell(dir, "sim", "../examples/scenarios/host-crash.yaml", "--trace", out.resolve("t.trace").toString(),
                "--report", out.resolve("case").toString(), "--json"));
        stdout.add(cell(dir, "sweep", "../examples/scenarios/unsafe-lease.yaml", "--seeds", "1..2", "--jobs", "1",
                "--failures", out.resolve("failures.txt").toString(), "--report", out.resolve("sweep").toString()));
        stdout.add(cell(dir, "check", "--json", "../examples/scenarios/hci4-cluster.yaml"));
        assertThat(Files.exists(out.resolve("t.trace"))).isTrue();
        assertThat(Files.exists(out.resolve("failures.txt"))).as("the unsafe lease fails, so failures are written").isTrue();
        assertThat(Files.exists(out.resolve("case/index.html"))).isTrue();
        assertThat(Files.exists(out.resolve("sweep/index.html"))).isTrue();
        for (String s : stdout) {
            assertThat(s).doesNotContain(PASSWORD);
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(PASSWORD);
            }
        }
    }

    /** Runs {@code cell ARGS} in a child JVM whose environment holds the password; returns its output. */
    static String cell(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), CellCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile());
        pb.environment().put("BMC_PASSWORD", PASSWORD);
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(dir.resolve("child.log"));
        assertThat(p.exitValue()).as(output).isIn(0, 1);
        return output;
    }
}
