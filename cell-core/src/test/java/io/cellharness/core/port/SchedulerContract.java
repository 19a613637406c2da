package io.cellharness.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Scheduler} with its {@link Clock} must do, written once and run against each world: the
 * simulator's kernel (virtual time, one event queue) and the production engine loop (one thread on the monotonic
 * clock). Ordering, cancellation, periodic timers, a task that throws, and that actions run one at a time on the
 * engine. Delays are short so that the real loop's run stays quick; the assertions only need "not before".
 */
public abstract class SchedulerContract {

    protected abstract Scheduler scheduler();

    protected abstract Clock clock();

    /** Lets the world make progress until {@code condition} holds; fails if it does not within the world's bound. */
    protected abstract void runUntil(BooleanSupplier condition, String what);

    /** Lets {@code millis} of the world's time pass. */
    protected abstract void runFor(long millis);

    /** Whether the calling code runs on the engine (its thread, or inside the simulator's event loop). */
    protected abstract boolean onEngine();

    /** What the world surfaced of the actions that threw, oldest first (the simulator throws them out of its run). */
    protected abstract List<Throwable> errors();

    @Test
    public void earlierTimesRunFirstAndEqualTimesInSubmissionOrder() {
        List<String> ran = new CopyOnWriteArrayList<>();
        // Scheduled from one engine action, so that every delay is measured from the same moment.
        scheduler().execute("schedule", () -> {
            long now = clock().nowMillis();
            scheduler().at(now + 60, "a", () -> ran.add("a"));
            scheduler().at(now + 20, "b", () -> ran.add("b"));
            scheduler().at(now + 20, "c", () -> ran.add("c"));
            scheduler().execute("d", () -> ran.add("d"));
            scheduler().at(now - 1_000, "e (in the past: now)", () -> ran.add("e"));
            scheduler().at(now + 20, "f", () -> ran.add("f"));
        });
        runUntil(() -> ran.size() == 6, "six actions");
        assertThat(ran).containsExactly("d", "e", "b", "c", "f", "a");
    }

    @Test
    public void anActionRunsNoEarlierThanItsTimeOnTheEngineAndTheClockNeverGoesBack() {
        List<Long> times = new CopyOnWriteArrayList<>();
        AtomicBoolean onTheEngine = new AtomicBoolean(true);
        long start = clock().nowMillis();
        scheduler().after(40, "late", () -> {
            times.add(clock().nowMillis());
            onTheEngine.compareAndSet(true, onEngine());
        });
        scheduler().after(10, "early", () -> {
            times.add(clock().nowMillis());
            onTheEngine.compareAndSet(true, onEngine());
        });
        runUntil(() -> times.size() == 2, "two actions");
        assertThat(times.get(0)).isGreaterThanOrEqualTo(start + 10);
        assertThat(times.get(1)).isGreaterThanOrEqualTo(start + 40).isGreaterThanOrEqualTo(times.get(0));
        assertThat(onTheEngine).as("every action ran on the engine").isTrue();
        assertThat(onEngine()).as("the test itself is not on the engine").isFalse();
    }

    @Test
    public void aCancelledActionNeverRunsAndCancellingTwiceIsHarmless() {
        AtomicInteger ran = new AtomicInteger();
        AtomicBoolean marker = new AtomicBoolean();
        Scheduler.Cancellable doomed = scheduler().after(20, "doomed", ran::incrementAndGet);
        scheduler().after(40, "marker", () -> marker.set(true));
        assertThat(doomed.isCancelled()).isFalse();
        doomed.cancel();
        doomed.cancel();
        runUntil(marker::get, "the marker after the cancelled action's time");
        assertThat(doomed.isCancelled()).isTrue();
        assertThat(ran).hasValue(0);
    }

    @Test
    public void aPeriodicTimerRepeatsAtItsPeriodUntilItCancelsItself() {
        List<Long> ticks = new CopyOnWriteArrayList<>();
        Scheduler.Cancellable[] timer = new Scheduler.Cancellable[1];
        AtomicBoolean marker = new AtomicBoolean();
        long start = clock().nowMillis();
        scheduler().execute("arm", () -> timer[0] = scheduler().periodic(5, 15, "tick", () -> {
            ticks.add(clock().nowMillis());
            if (ticks.size() == 4) {
                timer[0].cancel();
                scheduler().after(60, "marker", () -> marker.set(true));
            }
        }));
        runUntil(marker::get, "four ticks and a marker after them");
        assertThat(ticks).hasSize(4);
        // Fixed rate: tick i is due at the arming time + 5 + 15 i, and never runs before it.
        for (int i = 0; i < ticks.size(); i++) {
            assertThat(ticks.get(i)).as("tick %d", i).isGreaterThanOrEqualTo(start + 5 + 15L * i);
            if (i > 0) {
                assertThat(ticks.get(i)).as("tick %d after tick %d", i, i - 1).isGreaterThan(ticks.get(i - 1));
            }
        }
        assertThat(timer[0].isCancelled()).isTrue();
    }

    @Test
    public void aPeriodicTimerCancelledFromOutsideStops() {
        AtomicInteger ticks = new AtomicInteger();
        Scheduler.Cancellable timer = scheduler().periodic(0, 10, "tick", ticks::incrementAndGet);
        runUntil(() -> ticks.get() >= 2, "two ticks");
        timer.cancel();
        int seen = ticks.get();
        runFor(60);
        assertThat(ticks.get()).as("at most one tick already under way when it was cancelled")
                .isLessThanOrEqualTo(seen + 1);
    }

    @Test
    public void anActionThatThrowsIsReportedAndTheSchedulerGoesOn() {
        List<String> ran = new CopyOnWriteArrayList<>();
        AtomicInteger periodicRuns = new AtomicInteger();
        Scheduler.Cancellable throwing = scheduler().periodic(0, 10, "throwing tick", () -> {
            periodicRuns.incrementAndGet();
            throw new IllegalStateException("boom " + periodicRuns.get());
        });
        scheduler().after(5, "one-shot that throws", () -> {
            throw new IllegalArgumentException("one-shot boom");
        });
        scheduler().after(30, "after", () -> ran.add("after"));
        runUntil(() -> ran.contains("after") && periodicRuns.get() >= 3, "the action after and three ticks");
        throwing.cancel();
        assertThat(errors()).extracting(Throwable::getMessage).contains("boom 1", "boom 2", "one-shot boom");
    }
}
