package io.cellharness.reports.casefile;

import io.cellharness.reports.html.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a case page as {@code index.html} in a directory of its own. */
public final class CaseReportWriter {

    private CaseReportWriter() {
    }

    /** Creates {@code dir} when needed and writes {@code dir/index.html} atomically; returns the file. */
    public static Path write(CaseReport report, Path dir) throws IOException {
        return AtomicFile.write(dir.resolve("index.html"), CaseReportPage.render(report));
    }
}
