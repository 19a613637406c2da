package io.cellharness.reports.casefile;

import static io.cellharness.reports.casefile.SampleCases.iv;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.reports.PageXml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The case page tells the truth: belief beside ground truth, expectations apart from invariants, a quiet trace. */
class CaseReportTruthTest {

    private static CaseReport report() {
        HostLane crashed = new HostLane("kvm2",
                List.of(iv(0, 46_000, "UP"), iv(46_000, 624_000, "SUSPECT"), iv(624_000, 700_000, "RECOVERED")),
                List.of(iv(0, 30_000, "running"), iv(30_000, 624_000, "crashed"), iv(624_000, 700_000, "booting")));
        HostLane healthy = new HostLane("kvm1", List.of(iv(0, 700_000, "UP")), List.of(iv(0, 700_000, "running")));
        List<InvariantResult> checks = List.of(
                InvariantResult.held("vm-runs-once", InvariantResult.Kind.SAFETY, "a VM never runs twice"),
                InvariantResult.held("ha-vms-run-again", InvariantResult.Kind.LIVENESS, "HA VMs run again"),
                InvariantResult.violated("recovered-within 1m", InvariantResult.Kind.EXPECTATION, "recovered in 1 min",
                        "kvm2 took 595784 ms"),
                InvariantResult.held("fenced [kvm2]", InvariantResult.Kind.EXPECTATION, "kvm2 fenced"));
        List<String> tail = List.of(
                "000620.000 kvm1 heartbeat seq 620",
                "000624.002 ha state kvm2 CHECKING->RECOVERING ActivityCheckFailureOverThresholdRatio",
                "000624.500 kvm3 check-me kvm4",
                "000625.591 ha restarted db2 on kvm1");
        return new CaseReport("crash", 1, "x.yaml", "/abs/cell sim /abs/x.yaml --seed 1", 700_000, "00", 10,
                List.of(healthy, crashed), List.of(), List.of(), checks, tail, Map.of());
    }

    @Test
    void expectationsAreCountedApartFromInvariants() throws Exception {
        PageXml page = PageXml.parse(CaseReportPage.render(report()));
        assertThat(page.texts("//header//span[contains(@class,'verdict')]"))
                .containsExactly("1 of 2 expectations failed", "all 2 invariants held");
        assertThat(page.texts("//section[@id='invariants']/h2")).containsExactly("Invariants (2 of 2 held)");
        assertThat(page.texts("//section[@id='expectations']/h2")).containsExactly("Expectations (1 of 2 held)");
        assertThat(page.texts("//section[@id='expectations']//tr[@class='violated']/td[1]"))
                .containsExactly("recovered-within 1m");
    }

    @Test
    void hostLanesShowTheManagersBeliefAndTheGroundTruth() throws Exception {
        PageXml page = PageXml.parse(CaseReportPage.render(report()));
        List<String> tips = page.texts("//g[@data-part='host'][@data-name='kvm2']//title");
        assertThat(tips).anyMatch(t -> t.startsWith("kvm2 · the manager believed SUSPECT"))
                .anyMatch(t -> t.startsWith("kvm2 · in truth crashed"));
        assertThat(page.texts("//div[@class='legend']//span[@class='item']")).contains("crashed", "running", "booting");
    }

    @Test
    void theTraceTailHidesRoutineHeartbeatLinesUntilAskedFor() throws Exception {
        CaseReport r = report();
        PageXml page = PageXml.parse(CaseReportPage.render(r));
        assertThat(page.texts("//section[@id='trace']/h2"))
                .containsExactly("Trace tail (last 4 lines; 2 routine heartbeat lines hidden)");
        assertThat(page.texts("//pre[@class='trace']/span[@class='routine']"))
                .containsExactly("000620.000 kvm1 heartbeat seq 620\n", "000624.500 kvm3 check-me kvm4\n");
        // Nothing is lost: the whole tail is in the page, the routine lines only hidden.
        assertThat(page.texts("//pre[@class='trace']")).containsExactly(String.join("\n", r.traceTail()));
        assertThat(page.count("//input[@id='show-routine']")).isEqualTo(1);
    }
}
