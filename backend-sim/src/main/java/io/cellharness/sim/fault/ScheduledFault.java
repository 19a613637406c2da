package io.cellharness.sim.fault;

/**
 * A fault at a virtual time, with how long it lasts ({@code -1}: until the end of the run, or forever for faults
 * without an end).
 */
public record ScheduledFault(long atMillis, Fault fault, long durationMillis) {

    public ScheduledFault {
        if (atMillis < 0) {
            throw new IllegalArgumentException("a fault cannot start before time 0");
        }
    }

    public boolean ends() {
        return durationMillis >= 0 && fault.hasEnd();
    }

    public long endMillis() {
        return ends() ? atMillis + durationMillis : -1;
    }
}
