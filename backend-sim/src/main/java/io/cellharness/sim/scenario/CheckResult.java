package io.cellharness.sim.scenario;

/**
 * An invariant or expectation at the end of a run: held, did not hold, or not checked at all (a run cut short with
 * {@code --until}, or stopped at a safety violation, never reaches liveness and expectations). A check not made does
 * not fail the run, and is never shown as passed.
 *
 * @param name        its name
 * @param kind        {@code safety}, {@code liveness} or {@code expectation}
 * @param description what it guarantees or expects
 * @param held        whether it held
 * @param detail      what was seen when it did not hold; why it was not checked when it was not; empty otherwise
 * @param checked     whether it was checked at all
 */
public record CheckResult(String name, String kind, String description, boolean held, String detail,
                          boolean checked) {

    /** A check that was made. */
    public CheckResult(String name, String kind, String description, boolean held, String detail) {
        this(name, kind, description, held, detail, true);
    }

    /** A check that was not made, and why. */
    public static CheckResult notChecked(String name, String kind, String description, String why) {
        return new CheckResult(name, kind, description, true, why, false);
    }
}
