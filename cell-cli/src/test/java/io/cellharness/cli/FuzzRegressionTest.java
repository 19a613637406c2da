package io.cellharness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every input the fuzzing suite ({@link CliFuzzTest}) once failed on, kept under
 * {@code src/test/resources/fuzz-regressions/}: the first line is {@code # args: ...} with {@code {file}} for the file
 * itself and {@code {dir}} for a scratch directory; the second {@code # file: NAME}; the rest the file's text.
 */
class FuzzRegressionTest {

    static final Path KEPT = Path.of("src/test/resources/fuzz-regressions");

    @TestFactory
    Stream<DynamicTest> everyKeptInputStillAnswersCleanly() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(KEPT)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                List<String> lines = Files.readAllLines(f);
                List<String> args = Arrays.asList(lines.get(0).substring("# args: ".length()).split(" "));
                String name = lines.get(1).substring("# file: ".length());
                String text = String.join("\n", lines.subList(2, lines.size())) + "\n";
                Path dir = Files.createTempDirectory("cell-fuzz-regression-");
                try {
                    CliFuzzTest.check(new CliFuzzTest.FuzzCase("regression", name.equals("null") ? null : name,
                            name.equals("null") ? null : text, args), dir);
                } finally {
                    CliFuzzTest.deleteTree(dir);
                }
            }));
        }
        return tests.stream();
    }
}
