package io.cellharness.sim.scenario;

import io.cellharness.sim.Simulation;
import java.util.List;

/**
 * What one simulation run did.
 *
 * @param name            scenario name
 * @param seed            its seed
 * @param virtualMillis   virtual time at the end
 * @param events          events executed
 * @param traceSha256     SHA-256 of the canonical trace
 * @param traceLines      lines in the trace
 * @param stop            why the run stopped (a violation stops it early)
 * @param checks          every invariant and expectation, held or not
 * @param recoveryMillis  one entry per host failure whose HA VMs all ran again: how long that took
 * @param replay          arguments that replay this run exactly
 */
public record SimOutcome(String name, long seed, long virtualMillis, long events, String traceSha256, long traceLines,
                         Simulation.Stop stop, List<CheckResult> checks, List<Long> recoveryMillis, List<String> replay) {

    public SimOutcome {
        checks = List.copyOf(checks);
        recoveryMillis = List.copyOf(recoveryMillis);
        replay = List.copyOf(replay);
    }

    public boolean passed() {
        return checks.stream().allMatch(CheckResult::held);
    }

    public List<CheckResult> failures() {
        return checks.stream().filter(c -> !c.held()).toList();
    }
}
