package io.cellharness.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry of invariants of a run: safety checks run after every event, liveness checks at the end. The first
 * safety violation stops the run (the trace up to it is the reproduction); every violation is traced.
 */
public final class Invariants {

    private final Simulation sim;
    private final List<SafetyInvariant> safety = new ArrayList<>();
    private final List<LivenessCheck> liveness = new ArrayList<>();
    private final List<Violation> violations = new ArrayList<>();
    private boolean safetyViolated;

    Invariants(Simulation sim) {
        this.sim = sim;
    }

    public void register(SafetyInvariant invariant) {
        safety.add(invariant);
    }

    public void register(LivenessCheck check) {
        liveness.add(check);
    }

    public List<SafetyInvariant> safety() {
        return List.copyOf(safety);
    }

    public List<LivenessCheck> liveness() {
        return List.copyOf(liveness);
    }

    void afterEvent() {
        if (safetyViolated) {
            return;
        }
        // An indexed loop: this runs after every event, and an iterator per event showed in the profile (issue 18).
        for (int i = 0; i < safety.size(); i++) {
            SafetyInvariant invariant = safety.get(i);
            String problem = invariant.check();
            if (problem != null) {
                record(new Violation(invariant.name(), Violation.Kind.SAFETY, sim.nowMillis(), problem));
                safetyViolated = true;
                return;
            }
        }
    }

    /** Runs every liveness check now; returns the violations found. */
    public List<Violation> checkLiveness() {
        List<Violation> found = new ArrayList<>();
        for (LivenessCheck check : liveness) {
            String problem = check.check();
            if (problem != null) {
                Violation v = new Violation(check.name(), Violation.Kind.LIVENESS, sim.nowMillis(), problem);
                record(v);
                found.add(v);
            }
        }
        return found;
    }

    private void record(Violation v) {
        violations.add(v);
        sim.trace().record("invariant", "violated", v.invariant() + " " + v.description());
    }

    public boolean violated() {
        return safetyViolated;
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }
}
