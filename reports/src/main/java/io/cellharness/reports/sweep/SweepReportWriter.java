package io.cellharness.reports.sweep;

import io.cellharness.reports.html.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a sweep page as {@code index.html} in a directory of its own. */
public final class SweepReportWriter {

    private SweepReportWriter() {
    }

    /** Creates {@code dir} when needed and writes {@code dir/index.html} atomically; returns the file. */
    public static Path write(SweepReport report, Path dir) throws IOException {
        return AtomicFile.write(dir.resolve("index.html"), SweepReportPage.render(report));
    }
}
