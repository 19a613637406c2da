package io.cellharness.reports.casefile;

import static io.cellharness.reports.casefile.SampleCases.iv;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.reports.PageXml;
import io.cellharness.reports.html.Html;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CaseReportPageTest {

    private static final String SCRIPT_HOST = "<script>alert('host')</script>";
    private static final String IMG_VM = "\"><img src=x onerror=alert(1)>";

    @Test
    void showsTheHeaderReplayCommandInvariantsSummaryAndTraceTail() throws Exception {
        CaseReport report = SampleCases.doubleRun();
        PageXml page = PageXml.parse(CaseReportPage.render(report));

        assertThat(page.texts("//h1")).containsExactly(report.title());
        assertThat(page.texts("//header//span[contains(@class,'verdict')]")).containsExactly("1 of 4 invariants violated");
        assertThat(page.texts("//header/dl[1]//dd")).containsExactly("424242", "examples/failover/host-crash.yaml",
                "3m", "48,213", "4 / 5", report.traceSha256());
        assertThat(page.texts("//pre[@id='replay-command']")).containsExactly(report.replayCommand());
        assertThat(page.texts("//button[@data-copy='replay-command']")).containsExactly("Copy");
        assertThat(page.texts("//dl[@id='summary']//dt")).containsExactlyElementsOf(report.summary().keySet());
        assertThat(page.texts("//tr[@class='violated']/td[1]")).containsExactly("H-06 one running copy");
        assertThat(page.texts("//tr[@class='violated']//div[@class='violation']"))
                .containsExactly(report.invariants().get(0).violation());
        assertThat(page.count("//tr[@class='held']")).isEqualTo(3);
        assertThat(page.texts("//pre[@class='trace']")).containsExactly(String.join("\n", report.traceTail()));
    }

    @Test
    void drawsOneLanePerHostAndVmAndOneMarkerEach() throws Exception {
        CaseReport report = SampleCases.hostCrash();
        PageXml page = PageXml.parse(CaseReportPage.render(report));

        assertThat(page.texts("//*[@data-part='host']/@data-name")).containsExactly("host-1", "host-2", "host-3",
                "host-4");
        assertThat(page.texts("//*[@data-part='vm']/@data-name")).containsExactly("vm-1", "vm-2", "vm-3", "vm-4",
                "vm-5");
        assertThat(page.count("//*[@class='seg']")).isEqualTo(CaseReportInChromiumTest.nonEmptyIntervals(report));
        assertThat(page.texts("//svg[@data-chart='timeline']/@data-expected-segments"))
                .containsExactly(Long.toString(CaseReportInChromiumTest.nonEmptyIntervals(report)));
        assertThat(page.count("//*[@data-marker]")).isEqualTo(report.markers().size());
        assertThat(page.texts("//*[@data-marker='fence-confirmed']/title"))
                .containsExactly("42.3s · fence-confirmed · host-2 — power state read back: off");
        assertThat(page.texts("//*[@data-part='vm' and @data-name='vm-2']/rect[@class='seg']/title"))
                .contains("vm-2 not running · 30s → 46.1s (16.1s)", "vm-2 I/O STALLED (no monitor answers) · 30s → 46.1s (16.1s)");
    }

    @Test
    void theAxisSpansTheRunInVirtualTime() throws Exception {
        PageXml page = PageXml.parse(CaseReportPage.render(SampleCases.hostCrash()));

        List<String> labels = page.texts("//svg[@data-chart='timeline']/g[@class='axis']/text");
        assertThat(labels).startsWith("0s", "0s", "15s", "15s").contains("1m30s").endsWith("3m", "3m", "virtual time");
    }

    @Test
    void theLegendNamesOnlyWhatTheChartUses() throws Exception {
        PageXml page = PageXml.parse(CaseReportPage.render(SampleCases.hostCrash()));

        List<String> legend = page.texts("//div[@class='legend']//span[@class='item']");
        assertThat(legend).contains("UP", "SUSPECT", "CHECKING", "FENCING", "FENCED", "host-1", "host-4",
                "not running", "STALLED", "fault", "fence-confirmed", "migration-end", "restart", "alert")
                .doesNotContain("ISOLATED", "DOWN", "violation", "note");
    }

    @Test
    void textFromTheRunCannotInjectMarkup() throws Exception {
        CaseReport report = new CaseReport("</title><script>alert('title')</script>", 1, "<b>scenario</b>",
                "./cell sim --seed 1 '</pre><script>x()</script>'", 10_000, "<hash>", 3,
                List.of(new HostLane(SCRIPT_HOST, List.of(iv(0, 10_000, "<i>UP</i>")))),
                List.of(new VmLane(IMG_VM, List.of(iv(0, 10_000, SCRIPT_HOST)), List.of(iv(0, 10_000, "a&b")))),
                List.of(new Marker(5_000, Marker.Kind.FAULT, SCRIPT_HOST, "<svg onload=alert(1)>")),
                List.of(InvariantResult.violated("<u>inv</u>", InvariantResult.Kind.SAFETY, "<d>", "<v>")),
                List.of("</pre><script>alert('trace')</script>"), Map.of("<k>", "<v>"));

        String html = CaseReportPage.render(report);

        // Only the page's own two scripts, and no element the data named.
        assertThat(html.split("<script", -1)).hasSize(3);
        assertThat(html).doesNotContain("<img").doesNotContain("<svg onload").doesNotContain("<i>")
                .doesNotContain("<u>").doesNotContain("<b>").doesNotContain("<hash>");
        PageXml page = PageXml.parse(html);
        assertThat(page.texts("//*[@data-part='host']/g[@class='label']/title")).containsExactly(SCRIPT_HOST);
        assertThat(page.texts("//*[@data-part='vm']/@data-name")).containsExactly(IMG_VM);
        assertThat(page.texts("//pre[@class='trace']")).containsExactly("</pre><script>alert('trace')</script>");
        assertThat(page.texts("//title")).first().isEqualTo(
                "Failover case: </title><script>alert('title')</script> (seed 1)");
    }

    @Property(tries = 200)
    void anyNameStaysTextAndReadsBackAsWritten(@ForAll String host, @ForAll String traceLine) throws Exception {
        CaseReport report = new CaseReport("t", 1, "random", "r", 1_000, "h", 1,
                List.of(new HostLane(host, List.of(iv(0, 1_000, "UP")))),
                List.of(new VmLane("vm", List.of(iv(0, 1_000, host)), List.of())),
                List.of(new Marker(500, Marker.Kind.NOTE, host, traceLine)), List.of(), List.of(traceLine), Map.of());

        String html = CaseReportPage.render(report);

        assertThat(html.split("<script", -1)).hasSize(3);
        PageXml page = PageXml.parse(html);
        // Element text, not the data-name attribute: XML (unlike HTML) folds whitespace in attribute values.
        assertThat(page.texts("//*[@data-part='host']/g[@class='label']/title")).containsExactly(xmlNormalised(host));
        assertThat(page.texts("//pre[@class='trace']")).containsExactly(xmlNormalised(traceLine));
    }

    /** What an XML (or HTML) parser gives back for escaped text: line breaks normalised as the parsers do. */
    private static String xmlNormalised(String text) {
        return Html.visibleText(text).replace("\r\n", "\n").replace('\r', '\n');
    }

    @Test
    void manyVmsAreCappedAndTheHiddenOnesNamed() throws Exception {
        CaseReport report = SampleCases.large(8, 300);
        PageXml page = PageXml.parse(CaseReportPage.render(report));

        assertThat(page.count("//*[@data-part='vm']")).isEqualTo(CaseReportPage.MAX_VM_LANES);
        assertThat(page.texts("//svg[@data-chart='timeline']/@data-expected-parts")).containsExactly("68");
        // Every seventh VM moved: those 42 are drawn before any that stayed put.
        List<String> drawn = page.texts("//*[@data-part='vm']/@data-name");
        for (int v = 7; v <= 294; v += 7) {
            assertThat(drawn).contains("vm-" + v);
        }
        assertThat(page.texts("//p[@id='hidden-vms']/@data-hidden")).containsExactly("240");
        assertThat(page.texts("//p[@id='hidden-vms']")).singleElement().asString().startsWith("Showing 60 of 300 VMs");
        assertThat(page.texts("//details/summary")).containsExactly("240 VMs not drawn");
        assertThat(page.texts("//details/p")).singleElement().asString().contains("vm-300").doesNotContain("vm-7,");
    }

    @Test
    void rendersTheSameBytesForTheSameReport() {
        assertThat(CaseReportPage.render(SampleCases.doubleRun())).isEqualTo(CaseReportPage.render(SampleCases.doubleRun()));
    }

    @Test
    void anEmptyRunStillRenders() throws Exception {
        CaseReport empty = new CaseReport("nothing", 0, "random", "", 0, "", 0, List.of(), List.of(), List.of(),
                List.of(), List.of(), Map.of());
        PageXml page = PageXml.parse(CaseReportPage.render(empty));

        assertThat(page.count("//svg[@data-chart='timeline']")).isEqualTo(1);
        assertThat(page.texts("//header//span[contains(@class,'verdict')]")).containsExactly("no invariants checked");
        assertThat(page.texts("//section[@id='trace']/p")).containsExactly("No trace lines were kept.");
    }
}
