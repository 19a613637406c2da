package io.cellharness.reports.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.reports.HeadlessChromium;
import io.cellharness.reports.HeadlessChromium.Loaded;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case page in a real browser: it loads from file:// without errors and draws the whole timeline. */
class CaseReportInChromiumTest {

    @TempDir
    Path tmp;

    @Test
    void loadsWithoutErrorsAndDrawsEveryLaneSegmentAndMarker() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.requireIn(tmp);
        CaseReport report = SampleCases.doubleRun();
        Path page = CaseReportWriter.write(report, tmp.resolve("case"));

        Loaded loaded = chromium.load(page);

        assertThat(loaded.attribute("body", "data-render-status")).as(loaded.dom()).contains("ok");
        assertThat(loaded.consoleMessages()).isEmpty();
        String timeline = "svg[^>]*data-chart=\"timeline\"";
        assertThat(loaded.attribute(timeline, "data-drawn-parts")).contains(
                Integer.toString(report.hosts().size() + report.vms().size()));
        assertThat(loaded.attribute(timeline, "data-drawn-segments")).contains(Long.toString(nonEmptyIntervals(report)));
        assertThat(loaded.attribute(timeline, "data-drawn-markers")).contains(
                Integer.toString(report.markers().size()));
    }

    @Test
    void namesThatLookLikeMarkupDoNotRunInTheBrowser() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.requireIn(tmp);
        String inject = "<script>document.body.setAttribute('data-injected','yes')</script>";
        String imgInject = "<img src=x onerror=\"document.body.setAttribute('data-injected','yes')\">";
        CaseReport report = new CaseReport(inject, 1, imgInject, inject, 1_000, inject, 1,
                List.of(new HostLane(inject, List.of(SampleCases.iv(0, 1_000, imgInject)))),
                List.of(new VmLane(imgInject, List.of(SampleCases.iv(0, 1_000, inject)), List.of())),
                List.of(new Marker(10, Marker.Kind.NOTE, inject, imgInject)), List.of(), List.of(inject, imgInject),
                Map.of(inject, imgInject));
        Path page = CaseReportWriter.write(report, tmp.resolve("inject"));

        Loaded loaded = chromium.load(page);

        assertThat(loaded.attribute("body", "data-render-status")).contains("ok");
        assertThat(loaded.attribute("body", "data-injected")).isEmpty();
        assertThat(loaded.attribute("svg[^>]*data-chart=\"timeline\"", "data-drawn-parts")).contains("2");
    }

    @Test
    void aPageThatDrawsLessThanItDeclaresReportsAnError() throws Exception {
        // The self-check is what the test above relies on; here it must catch a lane the page declared but did not draw.
        HeadlessChromium chromium = HeadlessChromium.requireIn(tmp);
        CaseReport report = SampleCases.hostCrash();
        int lanes = report.hosts().size() + report.vms().size();
        String html = CaseReportPage.render(report).replace("data-expected-parts=\"" + lanes + "\"",
                "data-expected-parts=\"" + (lanes + 1) + "\"");
        Path page = Files.writeString(tmp.resolve("tampered.html"), html, StandardCharsets.UTF_8);

        Loaded loaded = chromium.load(page);

        assertThat(loaded.attribute("body", "data-render-status")).hasValueSatisfying(status -> assertThat(status)
                .startsWith("error: ").contains("timeline: drew " + lanes + " parts, expected " + (lanes + 1)));
    }

    @Test
    void screenshotShowsTheColouredTimeline() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.requireIn(tmp);
        Path page = CaseReportWriter.write(SampleCases.doubleRun(), tmp.resolve("case"));

        Path png = chromium.screenshot(page, tmp.resolve("case.png"), 1400, 900);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1400);
        assertThat(image.getHeight()).isEqualTo(900);
        assertThat(distinctColours(image)).as("distinct colours").isGreaterThan(50);
        // Within the first screen: host bars in the UP green and the red of a stalled storage path.
        assertThat(pixelsNear(image, Colours.hostState("UP"))).as("UP-green pixels").isGreaterThan(5_000);
        assertThat(pixelsNear(image, Colours.hostState("FENCED"))).as("FENCED pixels").isGreaterThan(1_000);
        assertThat(pixelsNear(image, Colours.STALLED)).as("STALLED-red pixels").isGreaterThan(100);
        copyForInspection(png, "case.png");
        copyForInspection(page, "case.html");
    }

    static long nonEmptyIntervals(CaseReport report) {
        long n = 0;
        for (HostLane h : report.hosts()) {
            n += h.states().stream().filter(i -> i.lengthMillis() > 0).count();
        }
        for (VmLane vm : report.vms()) {
            n += vm.placement().stream().filter(i -> i.lengthMillis() > 0).count();
            n += vm.storagePath().stream().filter(i -> i.lengthMillis() > 0).count();
        }
        return n;
    }

    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new LinkedHashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }

    static int pixelsNear(BufferedImage image, String hex) {
        int want = Integer.parseInt(hex.substring(1), 16);
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs((rgb >> 16 & 0xff) - (want >> 16 & 0xff)) <= 4
                        && Math.abs((rgb >> 8 & 0xff) - (want >> 8 & 0xff)) <= 4
                        && Math.abs((rgb & 0xff) - (want & 0xff)) <= 4) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Keeps the page and its screenshot under target/ so a person can look at them after the build. */
    static void copyForInspection(Path png, String name) throws java.io.IOException {
        Path dir = Path.of("target", "browser-screenshots");
        Files.createDirectories(dir);
        Files.copy(png, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
