package io.cellharness.sim.scenario;

/**
 * An invariant or expectation at the end of a run.
 *
 * @param name        its name
 * @param kind        {@code safety}, {@code liveness} or {@code expectation}
 * @param description what it guarantees or expects
 * @param held        whether it held
 * @param detail      what was seen when it did not hold; empty otherwise
 */
public record CheckResult(String name, String kind, String description, boolean held, String detail) {
}
