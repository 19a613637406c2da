package io.cellharness.reports.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseReportWriterTest {

    @TempDir
    Path tmp;

    @Test
    void writesIndexHtmlIntoANewDirectoryAndReplacesAnOldOne() throws Exception {
        Path dir = tmp.resolve("cases/seed-424242");
        CaseReportWriter.write(SampleCases.hostCrash(), dir);
        Path index = CaseReportWriter.write(SampleCases.doubleRun(), dir);

        assertThat(index).isEqualTo(dir.resolve("index.html"));
        assertThat(Files.readString(index, StandardCharsets.UTF_8)).isEqualTo(CaseReportPage.render(SampleCases.doubleRun()));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(index);
        }
    }
}
