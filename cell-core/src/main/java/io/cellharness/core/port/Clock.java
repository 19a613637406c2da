package io.cellharness.core.port;

/**
 * The engine's only notion of now: virtual time in the simulator, a monotonic clock in production.
 */
@FunctionalInterface
public interface Clock {

    /** Milliseconds since the start of the run (simulator) or an arbitrary fixed origin (production). */
    long nowMillis();
}
