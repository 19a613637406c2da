package io.cellharness.reports.casefile;

import java.util.List;
import java.util.Objects;

/**
 * One host's HA/power state over the run, e.g. {@code UP}, {@code SUSPECT}, {@code CHECKING}, {@code ISOLATED},
 * {@code FENCING}, {@code FENCED}, {@code RECOVERING}, {@code DOWN} (the names in {@link Colours#hostState} get fixed
 * colours; any other name gets a stable colour of its own). Time not covered by an interval is drawn empty.
 * {@code states} is what the manager believed; {@code truth} (drawn as a thin strip beneath) is what was true of the
 * host: running, crashed, powered off, booting, reset by its watchdog ({@link Colours#hostTruth}).
 */
public record HostLane(String host, List<Interval<String>> states, List<Interval<String>> truth) {

    public HostLane {
        Objects.requireNonNull(host, "host");
        states = List.copyOf(states);
        truth = List.copyOf(truth);
    }

    /** A lane with the manager's belief only (no ground truth recorded). */
    public HostLane(String host, List<Interval<String>> states) {
        this(host, states, List.of());
    }
}
