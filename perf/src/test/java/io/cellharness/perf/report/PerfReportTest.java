package io.cellharness.perf.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

class PerfReportTest {

    @TempDir
    Path dir;

    private JmhResults sample() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("sample-results.json")) {
            Files.copy(in, dir.resolve("sample.json"));
        }
        Files.writeString(dir.resolve(JmhResults.MACHINE_FILE), "{}");
        return JmhResults.read(dir);
    }

    private static MachineDescription.Machine machine() {
        return new MachineDescription.Machine("Test CPU", 2, 2, 8L << 30, "Linux", "OpenJDK 17", "2026-01-01T00:00:00Z",
                "unavailable: no libvirt.so.0", 600, "1.00 1.00 1.00", "2.00 2.00 2.00");
    }

    @Test
    void readsJmhJsonWithSingleShotAuxCountersAndNaNErrors() throws IOException {
        JmhResults results = sample();

        assertThat(results.all()).hasSize(12); // machine.json is not a result file
        JmhResult hour = results.find("SimulatorBenchmark", "simulateOneHour", Map.of("hosts", "100")).orElseThrow();
        assertThat(hour.nanosPerOp()).isEqualTo(18e9);
        assertThat(hour.errorNanos()).isEqualTo(120e6);
        assertThat(hour.secondary()).containsEntry("events", 4_320_000.0); // per iteration, not the sum
        assertThat(hour.settings().describe()).isEqualTo("1 fork, 1 warmup + 3 measured single-shot runs");
        JmhResult ten = results.find("SimulatorBenchmark", "simulateOneHour", Map.of("hosts", "10")).orElseThrow();
        assertThat(ten.errorNanos()).isNaN();
        assertThat(results.values("RecoveryPlacementBenchmark", "failedHosts")).containsExactly("1", "10");
        assertThat(results.values("BondSelectionBenchmark", "slaves")).containsExactly("2", "4");
    }

    @Test
    void theSectionDerivesSpeedAndEventRatesAndNamesTheMissedTarget() throws IOException {
        PerfReport report = new PerfReport(sample(), machine(), "perf/results/scaling.svg");

        String section = report.section();

        // 100 hosts: 4,320,000 events in 18 s = 240,000 events/s; 3,600 s in 18 s = 200 x real time.
        assertThat(section).contains("| 100 | 2,000 | 4,320,000 | 18.0 s ± 0.12 | 240,000 | 200 × | 1,000,000 |");
        assertThat(section).contains("| simulator: 10,000 × real time at 100 hosts on one core | 200 × (240,000 "
                + "events/s) | **missed** |");
        // 12 events per host-second (4,320,000 / 100 / 3,600) need 12,000,000 events/s for 10,000 x at 100 hosts.
        assertThat(section).contains("12.0 events per simulated second").contains("needs 12,000,000 events/s, 50 ×");
        assertThat(section).contains("| HA placement: 10 failed hosts of 1,000 in under 5 ms | — | not measured |");
        assertThat(section).contains("| active-backup | 3.10 ns ± 0.20 | 3.20 ns ± 0.20 |");
        assertThat(section).contains("| idle | converged | 1 | 0 | 42.0 ns ± 3.0 | 0.700 ns ± 0.10 |");
        assertThat(section).contains("Load average (1, 5, 15 min) 1.00 1.00 1.00 at the start");
        assertThat(section).contains("![Cost against size](perf/results/scaling.svg)");
        assertThat(section).doesNotContain(PerfReport.BEGIN).doesNotContain(PerfReport.END);
    }

    @Test
    void theSectionIsAppendedUnderAHeadingThenReplacedInPlace() {
        String readme = "# Cell Harness\n\nintro\n";

        String first = PerfReport.replaceSection(readme, "one\n");
        String second = PerfReport.replaceSection(first + "\n## Later\n", "two\n");

        assertThat(first).isEqualTo("# Cell Harness\n\nintro\n\n## Performance\n\n<!-- perf:begin -->\none\n"
                + "<!-- perf:end -->\n");
        assertThat(second).isEqualTo("# Cell Harness\n\nintro\n\n## Performance\n\n<!-- perf:begin -->\ntwo\n"
                + "<!-- perf:end -->\n\n## Later\n");
        assertThat(PerfReport.replaceSection(second, "two\n")).isEqualTo(second);
    }

    @Test
    void aLoneMarkerIsRefusedRatherThanGuessedAround() {
        assertThatThrownBy(() -> PerfReport.replaceSection("x\n<!-- perf:begin -->\ny\n", "z\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one perf marker without the other");
    }

    @Test
    void thePlotIsWellFormedSvgWithOnePanelPerBenchmarkThatHasData() throws Exception {
        PerfReport report = new PerfReport(sample(), machine(), "scaling.svg");
        report.section();

        String svg = ScalingPlot.svg("cost", report.panels());

        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(svg)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg).contains("Simulator: one simulated hour").contains("HA recovery placement")
                .contains("Bond slave selection").contains("Pre-copy prediction")
                .doesNotContain("MAC allocation"); // no MAC results in the sample
        assertThat(ScalingPlot.svg("cost", report.panels())).isEqualTo(svg);
    }

    @Test
    void numbersKeepThreeSignificantDigitsInAFittingUnit() {
        assertThat(PerfReport.time(1234.0, Double.NaN)).isEqualTo("1.23 µs");
        assertThat(PerfReport.time(2.5e6, 1e5)).isEqualTo("2.50 ms ± 0.10");
        assertThat(PerfReport.time(18e9, 1.234e9)).isEqualTo("18.0 s ± 1.2");
        assertThat(PerfReport.twoSignificant(1234)).isEqualTo("1,200");
        assertThat(PerfReport.time(0.678, Double.NaN)).isEqualTo("0.678 ns");
        assertThat(PerfReport.count(1234567.4)).isEqualTo("1,234,567");
        assertThat(ScalingPlot.label(10_000)).isEqualTo("10k");
        assertThat(ScalingPlot.label(0.1)).isEqualTo("0.1");
        assertThat(ScalingPlot.label(0.001)).isEqualTo("0.001");
        assertThat(ScalingPlot.label(2.5)).isEqualTo("2.5");
    }

    @Test
    void theMachineIsReadFromProcFiles() {
        String cpuinfo = "processor\t: 0\nmodel name\t: Intel(R) Xeon(R) Gold 6230\nprocessor\t: 1\n"
                + "model name\t: Intel(R) Xeon(R) Gold 6230\n";
        String meminfo = "MemTotal:       24683712 kB\nMemFree:  1 kB\n";

        MachineDescription.Machine m = MachineDescription.describe(cpuinfo, meminfo, "available: libvirt 9.0.0", 42,
                "0.10 0.20 0.30", MachineDescription.loadAverages("0.52 0.58 0.59 1/234 5678\n"));

        assertThat(m.cpuModel()).isEqualTo("Intel(R) Xeon(R) Gold 6230");
        assertThat(m.cpuThreads()).isEqualTo(2);
        assertThat(m.memoryBytes()).isEqualTo(24683712L * 1024);
        assertThat(m.loadAtEnd()).isEqualTo("0.52 0.58 0.59");
        assertThat(m.runSeconds()).isEqualTo(42);
        assertThat(List.of(m.jvm(), m.os(), m.date())).allSatisfy(s -> assertThat(s).isNotBlank());
    }
}
