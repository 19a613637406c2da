package io.cellharness.reports.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseReportTest {

    @Test
    void anIntervalMayNotEndBeforeItStarts() {
        assertThatThrownBy(() -> new Interval<>(10, 9, "UP")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval ends before it starts: 10 ms .. 9 ms (UP)");
        assertThat(new Interval<>(10, 10, "UP").lengthMillis()).isZero();
    }

    @Test
    void aHeldInvariantHasNoViolation() {
        assertThatThrownBy(() -> new InvariantResult("H-06", InvariantResult.Kind.SAFETY, true, "d", "ran twice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("held but has a violation");
    }

    @Test
    void markerKindsAreReadFromTheirSpelling() {
        assertThat(Marker.Kind.fromSpelling("fence-confirmed")).isEqualTo(Marker.Kind.FENCE_CONFIRMED);
        assertThat(Marker.Kind.fromSpelling(" Migration-Start ")).isEqualTo(Marker.Kind.MIGRATION_START);
        assertThatThrownBy(() -> Marker.Kind.fromSpelling("reboot")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown marker kind 'reboot', expected one of fault, fault-end, fence, fence-confirmed,"
                        + " migration-start, migration-end, restart, alert, violation, note");
    }

    @Test
    void theReportIsACopyThatKeepsTheSummaryOrder() {
        List<String> trace = new ArrayList<>(List.of("a"));
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("z", "1");
        summary.put("a", "2");
        CaseReport report = new CaseReport("t", 1, "random", "r", 0, "", 0, List.of(), List.of(), List.of(),
                List.of(), trace, summary);
        trace.add("b");
        summary.put("m", "3");

        assertThat(report.traceTail()).containsExactly("a");
        assertThat(report.summary().keySet()).containsExactly("z", "a");
        assertThatThrownBy(() -> report.summary().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void negativeDurationsAreRefused() {
        assertThatThrownBy(() -> new CaseReport("t", 1, "random", "r", -1, "", 0, List.of(), List.of(), List.of(),
                List.of(), List.of(), Map.of())).hasMessage("durationMillis must not be negative, got -1");
    }
}
