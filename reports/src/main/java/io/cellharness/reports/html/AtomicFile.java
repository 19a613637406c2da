package io.cellharness.reports.html;

import io.cellharness.reports.output.SafeOutput;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a file so that a reader (a browser refreshing the report) never sees half of it. */
public final class AtomicFile {

    private AtomicFile() {
    }

    /**
     * Writes {@code text} as UTF-8 to a temporary file beside {@code target} and renames it over the target; creates
     * the parent directories. The temporary file is gone afterwards, also when writing fails. See {@link SafeOutput}.
     */
    public static Path write(Path target, String text) throws IOException {
        // The project's one safe writer: random exclusive temporary file, no symlink or device followed (issue 19).
        return SafeOutput.write(target, SafeOutput.Origin.DERIVED, text);
    }
}
