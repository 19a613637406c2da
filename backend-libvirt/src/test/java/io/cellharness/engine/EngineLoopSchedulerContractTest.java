package io.cellharness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.port.Clock;
import io.cellharness.core.port.Scheduler;
import io.cellharness.core.port.SchedulerContract;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The scheduler contract on the production engine loop: its own thread, the monotonic clock, real waiting. */
class EngineLoopSchedulerContractTest extends SchedulerContract {

    /** Generous, so that only a loop that never runs the action fails, even on a busy machine. */
    private static final long BOUND_MILLIS = 20_000;

    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private EngineLoop loop;

    @BeforeEach
    void start() {
        loop = new EngineLoop("engine-contract", (label, error) -> errors.add(error));
    }

    @AfterEach
    void stop() {
        loop.close();
    }

    @Override
    protected Scheduler scheduler() {
        return loop;
    }

    @Override
    protected Clock clock() {
        return loop;
    }

    @Override
    protected void runUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + BOUND_MILLIS * 1_000_000;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            pause(2);
        }
        assertThat(condition.getAsBoolean()).as("%s within %d ms", what, BOUND_MILLIS).isTrue();
    }

    @Override
    protected void runFor(long millis) {
        pause(millis);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    protected boolean onEngine() {
        return loop.inLoop();
    }

    @Override
    protected List<Throwable> errors() {
        return errors;
    }
}
