package io.cellharness.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path tmp;

    @Test
    void createsTheDirectoriesReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Path target = tmp.resolve("a/b/index.html");
        AtomicFile.write(target, "first");
        AtomicFile.write(target, "second — ünïcode");

        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("second — ünïcode");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void theReportIsAsReadableAsAnyNewFile() throws Exception {
        Path target = AtomicFile.write(tmp.resolve("index.html"), "x");
        Assumptions.assumeTrue(target.getFileSystem().supportedFileAttributeViews().contains("posix"));

        // As readable as any file written here: what others may read depends on the user's umask, not on this test.
        Path plain = Files.writeString(tmp.resolve("plain.html"), "x");
        assertThat(Files.getPosixFilePermissions(target)).contains(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE).isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
