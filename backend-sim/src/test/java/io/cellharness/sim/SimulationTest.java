package io.cellharness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.port.Scheduler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kernel's queue: order (virtual time, scheduling order), cancellation that leaves the queue at once. */
class SimulationTest {

    @Test
    void eventsRunByTimeThenBySchedulingOrder() {
        Simulation sim = new Simulation(1);
        List<String> ran = new ArrayList<>();
        sim.at(20, "c", () -> ran.add("c"));
        sim.at(10, "a", () -> ran.add("a"));
        sim.at(20, "d", () -> ran.add("d"));
        sim.at(10, "b", () -> ran.add("b"));
        sim.at(5, "first", () -> sim.execute("same time, after what is due", () -> ran.add("now")));
        sim.runFor(100, 100);
        assertThat(ran).containsExactly("now", "a", "b", "c", "d");
    }

    @Test
    void aCancelledEventLeavesTheQueueAtOnce() {
        Simulation sim = new Simulation(1);
        List<Scheduler.Cancellable> timeouts = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            timeouts.add(sim.after(30_000, "timeout " + i, () -> {
                throw new AssertionError("a cancelled time-out ran");
            }));
        }
        assertThat(sim.pendingEvents()).isEqualTo(1_000);
        timeouts.forEach(Scheduler.Cancellable::cancel);
        timeouts.get(0).cancel(); // idempotent
        assertThat(sim.pendingEvents()).isZero();
        assertThat(timeouts).allMatch(Scheduler.Cancellable::isCancelled);
        assertThat(sim.runFor(60_000, 10)).isEqualTo(Simulation.Stop.QUIESCENT);
        assertThat(sim.executedEvents()).isZero();
    }

    @Test
    void aPeriodicTimerMayCancelItselfAndRunsOnItsPeriod() {
        Simulation sim = new Simulation(1);
        List<Long> at = new ArrayList<>();
        Scheduler.Cancellable[] self = new Scheduler.Cancellable[1];
        self[0] = sim.periodic(5, 10, "tick", () -> {
            at.add(sim.nowMillis());
            if (at.size() == 3) {
                self[0].cancel();
            }
        });
        sim.runFor(1_000, 100);
        assertThat(at).containsExactly(5L, 15L, 25L);
        assertThat(sim.pendingEvents()).isZero();
    }

    @Test
    void cancellingAnEventThatRanChangesNothing() {
        Simulation sim = new Simulation(1);
        Scheduler.Cancellable done = sim.after(1, "once", () -> { });
        sim.after(2, "other", () -> { });
        sim.runFor(1, 10);
        done.cancel();
        assertThat(sim.pendingEvents()).isEqualTo(1);
        sim.runFor(10, 10);
        assertThat(sim.executedEvents()).isEqualTo(2);
    }

    /**
     * The indexed heap against a reference model (a plain priority queue of live events, ordered by time then
     * sequence), under random scheduling, cancelling and periodic timers: the same events run in the same order.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void runsExactlyWhatAReferenceQueueWouldRun(long seed) {
        Random random = new Random(seed);
        Simulation sim = new Simulation(seed);
        List<String> ran = new ArrayList<>();
        List<Scheduler.Cancellable> handles = new ArrayList<>();
        // The reference: every scheduled action with its (time, seq); a cancelled one is dropped.
        record Ref(long time, long seq, String name, long period) {
        }
        PriorityQueue<Ref> model = new PriorityQueue<>(Comparator.comparingLong(Ref::time).thenComparingLong(Ref::seq));
        List<Ref> refs = new ArrayList<>();
        long[] seq = {0};
        for (int i = 0; i < 2_000; i++) {
            String name = "e" + i;
            long time = random.nextInt(5_000);
            boolean periodic = random.nextInt(10) == 0;
            long period = periodic ? 1 + random.nextInt(700) : 0;
            Ref ref = new Ref(time, seq[0]++, name, period);
            refs.add(ref);
            model.add(ref);
            handles.add(periodic ? sim.periodic(time, period, name, () -> ran.add(name))
                    : sim.at(time, name, () -> ran.add(name)));
        }
        for (int i = 0; i < 600; i++) {
            int k = random.nextInt(handles.size());
            handles.get(k).cancel();
            Ref gone = refs.get(k);
            model.removeIf(r -> r.name().equals(gone.name()));
        }
        assertThat(sim.pendingEvents()).isEqualTo(model.size());
        List<String> expected = new ArrayList<>();
        long horizon = 6_000;
        while (!model.isEmpty() && model.peek().time() <= horizon) {
            Ref r = model.poll();
            expected.add(r.name());
            if (r.period() > 0) {
                model.add(new Ref(r.time() + r.period(), seq[0]++, r.name(), r.period()));
            }
        }
        sim.runUntil(() -> false, horizon, Long.MAX_VALUE);
        assertThat(ran).isEqualTo(expected);
        assertThat(sim.pendingEvents()).isEqualTo(model.size());
    }
}
