package io.cellharness.reports.casefile;

import java.util.List;
import java.util.Objects;

/**
 * One VM over the run: the host it runs on ({@link #NOT_RUNNING} while it runs nowhere) and the monitor host its Glue
 * I/O goes through ({@link #STALLED} while no monitor answers, S-08). Time not covered by an interval is drawn empty.
 */
public record VmLane(String vm, List<Interval<String>> placement, List<Interval<String>> storagePath) {

    /** The placement value for a VM that runs on no host. */
    public static final String NOT_RUNNING = "—";

    /** The storage path value while the VM's I/O is stalled. */
    public static final String STALLED = "STALLED";

    public VmLane {
        Objects.requireNonNull(vm, "vm");
        placement = List.copyOf(placement);
        storagePath = List.copyOf(storagePath);
    }
}
