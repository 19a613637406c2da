package io.cellharness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.port.Clock;
import io.cellharness.core.port.Scheduler;
import io.cellharness.core.port.SchedulerContract;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;

/**
 * The scheduler contract on the simulator's kernel: virtual time, one queue. An action that throws leaves the run by
 * the exception (the simulator fails loudly); the test records it and runs on, as a harness would after reporting.
 */
class SimSchedulerContractTest extends SchedulerContract {

    private static final long BOUND_MILLIS = 60_000;

    private Simulation sim;
    private boolean inEventLoop;
    private final List<Throwable> errors = new ArrayList<>();

    @BeforeEach
    void kernel() {
        sim = new Simulation(3);
    }

    @Override
    protected Scheduler scheduler() {
        return sim;
    }

    @Override
    protected Clock clock() {
        return sim;
    }

    @Override
    protected void runUntil(BooleanSupplier condition, String what) {
        long deadline = sim.nowMillis() + BOUND_MILLIS;
        run(condition, deadline);
        assertThat(condition.getAsBoolean()).as("%s within %d virtual ms", what, BOUND_MILLIS).isTrue();
    }

    @Override
    protected void runFor(long millis) {
        run(() -> false, sim.nowMillis() + millis);
    }

    private void run(BooleanSupplier condition, long deadline) {
        inEventLoop = true;
        try {
            while (true) {
                try {
                    sim.runUntil(condition, deadline, Limits.SIM_MAX_EVENTS);
                    return;
                } catch (RuntimeException thrown) {
                    errors.add(thrown);
                }
            }
        } finally {
            inEventLoop = false;
        }
    }

    @Override
    protected boolean onEngine() {
        return inEventLoop;
    }

    @Override
    protected List<Throwable> errors() {
        return errors;
    }
}
