package io.cellharness.reports.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a file so that a reader (a browser refreshing the report) never sees half of it. */
public final class AtomicFile {

    private AtomicFile() {
    }

    /**
     * Writes {@code text} as UTF-8 to a temporary file beside {@code target} and renames it over the target; creates
     * the parent directories. The temporary file is gone afterwards, also when writing fails.
     */
    public static Path write(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                // A report is for reading: the mode any new file gets here (rw-rw-rw- less the user's umask), not
                // the owner-only mode temporary files get by default.
                ? Files.createTempFile(dir, "." + target.getFileName(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")))
                : Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
