package io.cellharness.reports.casefile;

import java.util.List;
import java.util.Objects;

/**
 * One host's HA/power state over the run, e.g. {@code UP}, {@code SUSPECT}, {@code CHECKING}, {@code ISOLATED},
 * {@code FENCING}, {@code FENCED}, {@code RECOVERING}, {@code DOWN} (the names in {@link Colours#hostState} get fixed
 * colours; any other name gets a stable colour of its own). Time not covered by an interval is drawn empty.
 */
public record HostLane(String host, List<Interval<String>> states) {

    public HostLane {
        Objects.requireNonNull(host, "host");
        states = List.copyOf(states);
    }
}
