package io.cellharness.reports.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19: each trick planted beside an output; nothing outside the target changes. */
@EnabledOnOs(OS.LINUX)
class SafeOutputTest {

    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                all.put(dir.relativize(p).toString(), Files.isSymbolicLink(p) ? "link->" + Files.readSymbolicLink(p)
                        : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? "file:" + Files.readString(p)
                        : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir" : "special");
            }
        }
        return all;
    }

    @Test
    void aPlantedOldStyleTemporaryNameIsNeitherFollowedNorUsed(@TempDir Path dir) throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Files.createSymbolicLink(dir.resolve(".t.txt.tmp"), victim);
        SafeOutput.write(dir.resolve("t.txt"), SafeOutput.Origin.GIVEN, "trace");
        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.readString(dir.resolve("t.txt"))).isEqualTo("trace");
        assertThat(snapshot(dir).keySet()).containsExactlyInAnyOrder("", "victim", ".t.txt.tmp", "t.txt");
    }

    @Test
    void aDerivedNameThatIsASymlinkIsRefused(@TempDir Path dir) throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Files.createSymbolicLink(dir.resolve("index.html"), victim);
        Map<String, String> before = snapshot(dir);
        assertThatThrownBy(() -> SafeOutput.write(dir.resolve("index.html"), SafeOutput.Origin.DERIVED, "x"))
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining("symlink");
        assertThat(snapshot(dir)).isEqualTo(before);
    }

    @Test
    void aGivenSymlinkIsFollowedToItsFileWhichIsReplacedNotTheLink(@TempDir Path dir) throws Exception {
        Path real = Files.writeString(dir.resolve("real.txt"), "old");
        Files.createSymbolicLink(dir.resolve("link.txt"), real);
        SafeOutput.write(dir.resolve("link.txt"), SafeOutput.Origin.GIVEN, "new");
        assertThat(Files.isSymbolicLink(dir.resolve("link.txt"))).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }

    @Test
    void devicesPipesDirectoriesAndDanglingLinksAreRefused(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Files.createDirectory(dir.resolve("d"));
        Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere/x"));
        Map<String, String> before = snapshot(dir);
        for (Path target : new Path[] {fifo, dir.resolve("d"), dir.resolve("dangling"), Path.of("/dev/null"),
                Path.of("/dev/stdout"), dir.resolve("missing-dir/x.txt")}) {
            assertThatThrownBy(() -> SafeOutput.write(target, SafeOutput.Origin.GIVEN, "x")).as(target.toString())
                    .isInstanceOf(OutputRefusedException.class);
        }
        assertThat(snapshot(dir)).isEqualTo(before);
    }

    @Test
    void aPreparedOutputThatIsNotCommittedLeavesNothing(@TempDir Path dir) throws Exception {
        try (SafeOutput.Pending p = SafeOutput.prepare(dir.resolve("t.txt"), SafeOutput.Origin.GIVEN)) {
            p.writer().write("half");
            assertThat(snapshot(dir)).hasSize(2); // the directory and the temporary file
        }
        assertThat(snapshot(dir).keySet()).containsExactly("");
    }
}
