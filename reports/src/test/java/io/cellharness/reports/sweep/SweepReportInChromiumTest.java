package io.cellharness.reports.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.reports.HeadlessChromium;
import io.cellharness.reports.HeadlessChromium.Loaded;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep page in a real browser: it loads from file:// without errors and draws the histogram. */
class SweepReportInChromiumTest {

    @TempDir
    Path tmp;

    @Test
    void loadsWithoutErrorsAndDrawsEveryBinAndStatistic() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.requireIn(tmp);
        SweepReport report = SampleSweeps.hostCrashSweep();
        RecoveryHistogram h = RecoveryHistogram.of(report.recoveryMillis()).orElseThrow();
        Path page = SweepReportWriter.write(report, tmp.resolve("sweep"));

        Loaded loaded = chromium.load(page);

        assertThat(loaded.attribute("body", "data-render-status")).as(loaded.dom()).contains("ok");
        assertThat(loaded.attribute("body", "data-charts")).contains("1");
        assertThat(loaded.consoleMessages()).isEmpty();
        String chart = "svg[^>]*data-chart=\"recovery-histogram\"";
        assertThat(loaded.attribute(chart, "data-drawn-parts")).contains(Integer.toString(h.counts().size()));
        assertThat(loaded.attribute(chart, "data-drawn-segments"))
                .contains(Long.toString(h.counts().stream().filter(c -> c > 0).count()));
        assertThat(loaded.attribute(chart, "data-drawn-markers")).contains("3");
    }

    @Test
    void screenshotShowsTheHistogram() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.requireIn(tmp);
        Path page = SweepReportWriter.write(SampleSweeps.hostCrashSweep(), tmp.resolve("sweep"));

        Path png = chromium.screenshot(page, tmp.resolve("sweep.png"), 1400, 900);

        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> colours = new LinkedHashSet<>();
        int barPixels = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (Math.abs((rgb >> 16) - 0x4e) <= 4 && Math.abs((rgb >> 8 & 0xff) - 0x79) <= 4
                        && Math.abs((rgb & 0xff) - 0xa7) <= 4) {
                    barPixels++;
                }
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(50);
        assertThat(barPixels).as("histogram bar pixels").isGreaterThan(5_000);
        Path dir = Files.createDirectories(Path.of("target", "browser-screenshots"));
        Files.copy(png, dir.resolve("sweep.png"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(page, dir.resolve("sweep.html"), StandardCopyOption.REPLACE_EXISTING);
    }
}
