package io.cellharness.reports.casefile;

import static io.cellharness.reports.casefile.SampleCases.iv;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VmLaneSelectionTest {

    private static VmLane quiet(String name) {
        return new VmLane(name, List.of(iv(0, 10, "h1")), List.of(iv(0, 10, "h1")));
    }

    @Test
    void withinTheCapEveryLaneIsShownInOrder() {
        List<VmLane> vms = List.of(quiet("a"), quiet("b"));
        VmLaneSelection selection = VmLaneSelection.of(vms, List.of(), 2);
        assertThat(selection.shown()).isEqualTo(vms);
        assertThat(selection.hidden()).isEmpty();
    }

    @Test
    void violationsComeFirstThenEventfulLanesThenTheRestAndTheShownKeepInputOrder() {
        VmLane moved = new VmLane("moved", List.of(iv(0, 5, "h1"), iv(5, 10, "h2")), List.of());
        VmLane stalled = new VmLane("stalled", List.of(iv(0, 10, "h1")), List.of(iv(0, 10, VmLane.STALLED)));
        VmLane stopped = new VmLane("stopped", List.of(iv(0, 10, VmLane.NOT_RUNNING)), List.of());
        List<VmLane> vms = List.of(quiet("q1"), moved, quiet("q2"), quiet("violator"), stalled, quiet("marked"),
                stopped, quiet("q3"));
        List<Marker> markers = List.of(new Marker(1, Marker.Kind.VIOLATION, "violator", "runs twice"),
                new Marker(2, Marker.Kind.ALERT, "marked", "alert"));

        VmLaneSelection two = VmLaneSelection.of(vms, markers, 2);
        assertThat(two.shown()).extracting(VmLane::vm).containsExactly("moved", "violator");

        VmLaneSelection six = VmLaneSelection.of(vms, markers, 6);
        assertThat(six.shown()).extracting(VmLane::vm)
                .containsExactly("q1", "moved", "violator", "stalled", "marked", "stopped");
        assertThat(six.hidden()).extracting(VmLane::vm).containsExactly("q2", "q3");
    }
}
