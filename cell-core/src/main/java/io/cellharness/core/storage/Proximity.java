package io.cellharness.core.storage;

/**
 * How far a monitor is from a host, for ordering the monitors a host fails over to (S-05: "the next nearest"). The
 * monitor on the host itself always comes first (S-04); the others are ordered by this distance (e.g. network hops, or
 * a latency the caller measured), ties by host name. It is read when a host or monitor is registered, not on every
 * probe, so jitter in measured latency cannot make the path flap.
 */
@FunctionalInterface
public interface Proximity {

    /** Every other monitor equally far: the order is by host name. */
    Proximity UNIFORM = (fromHost, monitorHost) -> 0;

    /** A smaller distance is nearer. */
    long distance(String fromHost, String monitorHost);
}
