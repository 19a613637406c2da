package io.cellharness.reports.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellharness.reports.PageXml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReportPageTest {

    @TempDir
    Path tmp;

    @Test
    void showsTheFiguresEveryFailureWithItsReplayCommandAndTheHistogram() throws Exception {
        SweepReport report = SampleSweeps.hostCrashSweep();
        String html = SweepReportPage.render(report);
        PageXml page = PageXml.parse(html);

        assertThat(page.texts("//header//span[contains(@class,'verdict')]")).containsExactly("5 of 1000 seeds failed");
        assertThat(page.texts("//header/dl[1]//dd")).containsExactly("1..1000", "1,000", "5", "7", "400",
                "12m34.3s");
        assertThat(page.texts("//table[@id='failure-list']//td[1]")).containsExactly("17", "17", "230", "511", "742",
                "742", "901");
        assertThat(page.texts("//table[@id='failure-list']//pre")).containsExactlyElementsOf(
                report.failures().stream().map(SeedFailure::replayCommand).toList());
        assertThat(page.count("//table[@id='failure-list']//button[@data-copy]")).isEqualTo(7);
        assertThat(page.texts("//table[@id='by-invariant']//td[1]")).containsExactly("G-05 one copy after migration",
                "H-06 one running copy", "H-08 HA VMs run again", "S-09 no flapping");
        assertThat(page.texts("//table[@id='by-invariant']//td[2]")).containsExactly("1", "2", "3", "1");

        RecoveryHistogram h = RecoveryHistogram.of(report.recoveryMillis()).orElseThrow();
        assertThat(page.count("//svg[@data-chart='recovery-histogram']//*[@data-part='bin']"))
                .isEqualTo(h.counts().size());
        assertThat(page.count("//svg[@data-chart='recovery-histogram']//*[@class='seg']"))
                .isEqualTo((int) h.counts().stream().filter(c -> c > 0).count());
        assertThat(page.texts("//svg//*[@data-marker]/@data-marker")).containsExactly("p50", "p99", "max");
        assertThat(page.texts("//*[@data-marker='max']/title")).containsExactly("max = 2m01.4s (121400 ms)");
        assertThat(html).doesNotContain("http:").doesNotContain("https:");
    }

    @Test
    void aCleanSweepWithoutRecoveriesSaysSo() throws Exception {
        SweepReport report = new SweepReport("quiet", "1..10", 10, 1_000, List.of(), List.of(), Map.of());
        PageXml page = PageXml.parse(SweepReportPage.render(report));

        assertThat(page.texts("//header//span[contains(@class,'verdict')]")).containsExactly("all 10 seeds passed");
        assertThat(page.count("//svg[@data-chart]")).isZero();
        assertThat(page.texts("//body/@data-expected-charts")).containsExactly("0");
        assertThat(page.texts("//section[@id='recovery']/p")).containsExactly("No recoveries were observed.");
        assertThat(page.texts("//section[@id='failures']/p")).containsExactly("No invariant failed under any seed.");
    }

    @Test
    void manyFailuresAreListedUpToTheCapAndTheRestNamed() throws Exception {
        List<SeedFailure> failures = new ArrayList<>();
        for (int seed = 1; seed <= 620; seed++) {
            failures.add(SampleSweeps.failure(seed, "H-08 HA VMs run again", "late"));
        }
        SweepReport report = new SweepReport("many", "1..620", 620, 1, failures, List.of(1_000L), Map.of());
        PageXml page = PageXml.parse(SweepReportPage.render(report));

        assertThat(page.count("//table[@id='failure-list']/tbody/tr")).isEqualTo(SweepReportPage.MAX_FAILURE_ROWS);
        assertThat(page.texts("//p[@id='unlisted-failures']/@data-unlisted")).containsExactly("120");
        assertThat(page.texts("//details/p")).singleElement().asString()
                .startsWith("501 (H-08 HA VMs run again), 502").endsWith("620 (H-08 HA VMs run again)");
    }

    @Test
    void escapesWhatTheSweepReports() throws Exception {
        SweepReport report = new SweepReport("<script>x()</script>", "<b>", 1, 1,
                List.of(new SeedFailure(1, "<i>", "</td><script>y()</script>", "'\"><img src=x>")), List.of(5L),
                Map.of("<k>", "<v>"));
        String html = SweepReportPage.render(report);

        assertThat(html.split("<script", -1)).hasSize(3);
        assertThat(html).doesNotContain("<img").doesNotContain("<i>").doesNotContain("<b>");
        assertThat(PageXml.parse(html).texts("//table[@id='failure-list']//pre")).containsExactly("'\"><img src=x>");
    }

    @Test
    void negativeRecoveryTimesAreRefused() {
        assertThatThrownBy(() -> new SweepReport("t", "1", 1, 1, List.of(), List.of(5L, -3L), Map.of()))
                .hasMessage("a recovery time must not be negative, got -3 ms");
    }

    @Test
    void theWriterWritesIndexHtmlAtomically() throws Exception {
        Path index = SweepReportWriter.write(SampleSweeps.hostCrashSweep(), tmp.resolve("sweep/1..1000"));

        assertThat(index.getFileName()).hasToString("index.html");
        assertThat(Files.readString(index)).isEqualTo(SweepReportPage.render(SampleSweeps.hostCrashSweep()));
        try (Stream<Path> files = Files.list(index.getParent())) {
            assertThat(files).containsExactly(index);
        }
    }
}
