package io.cellharness.sim;

import io.cellharness.core.port.Clock;
import io.cellharness.core.port.RandomSource;
import io.cellharness.core.port.Scheduler;
import io.cellharness.core.port.SeededRandom;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * The discrete-event kernel. Every action of the simulated world is an event in one queue, ordered by virtual time
 * and then by the order it was scheduled in; {@link #step()} runs the earliest and moves the clock to its time.
 * Nothing here reads the wall clock or a hash order, so a seed names a run: the same seed gives the same events in
 * the same order, byte for byte.
 */
public final class Simulation implements Clock, Scheduler {

    private final long seed;
    private final RandomSource random;
    private final Trace trace;
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final Invariants invariants;
    private long now;
    private long nextSeq;
    private long executed;

    public Simulation(long seed) {
        this.seed = seed;
        this.random = new SeededRandom(seed);
        this.trace = new Trace(this);
        this.invariants = new Invariants(this);
    }

    public long seed() {
        return seed;
    }

    /** An independent random stream for {@code subsystem}, the same for the same seed and name in every run. */
    public RandomSource random(String subsystem) {
        return random.split(subsystem);
    }

    public Trace trace() {
        return trace;
    }

    public Invariants invariants() {
        return invariants;
    }

    @Override
    public long nowMillis() {
        return now;
    }

    /** How many events have run. */
    public long executedEvents() {
        return executed;
    }

    /** How many events wait in the queue. */
    public int pendingEvents() {
        return queue.size();
    }

    @Override
    public Cancellable at(long timeMillis, String label, Runnable action) {
        Event e = new Event(Math.max(timeMillis, now), nextSeq++, label, action, 0);
        queue.add(e);
        return e;
    }

    @Override
    public Cancellable after(long delayMillis, String label, Runnable action) {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("negative delay " + delayMillis + " for " + label);
        }
        return at(now + delayMillis, label, action);
    }

    @Override
    public Cancellable periodic(long initialDelayMillis, long periodMillis, String label, Runnable action) {
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("period must be positive for " + label);
        }
        Event e = new Event(now + Math.max(0, initialDelayMillis), nextSeq++, label, action, periodMillis);
        queue.add(e);
        return e;
    }

    /**
     * Runs the earliest event, then the safety invariants.
     *
     * @return false when there was no event to run
     */
    public boolean step() {
        Event e = queue.poll();
        while (e != null && e.cancelled) {
            e = queue.poll();
        }
        if (e == null) {
            return false;
        }
        now = e.time;
        executed++;
        if (e.period > 0) {
            // Reschedule before running, with a new sequence number, so the action may cancel its own timer.
            e.time = now + e.period;
            e.seq = nextSeq++;
            queue.add(e);
        }
        e.action.run();
        invariants.afterEvent();
        return true;
    }

    /** Why {@link #runUntil} stopped. */
    public enum Stop {
        /** The condition became true. */
        CONDITION,
        /** Virtual time reached the deadline. */
        DEADLINE,
        /** No event was left. */
        QUIESCENT,
        /** The iteration cap was reached: a livelock, or a cap set too low. */
        ITERATION_CAP,
        /** A safety invariant was violated. */
        VIOLATION
    }

    /**
     * Runs events until {@code condition} holds, virtual time would pass {@code deadlineMillis}, no event is left,
     * {@code maxEvents} have run in this call, or a safety invariant is violated. The clock ends at the deadline when
     * that is what stopped it.
     */
    public Stop runUntil(BooleanSupplier condition, long deadlineMillis, long maxEvents) {
        long ran = 0;
        while (true) {
            if (invariants.violated()) {
                return Stop.VIOLATION;
            }
            if (condition.getAsBoolean()) {
                return Stop.CONDITION;
            }
            Event next = peekLive();
            if (next == null) {
                return Stop.QUIESCENT;
            }
            if (next.time > deadlineMillis) {
                now = Math.max(now, deadlineMillis);
                return Stop.DEADLINE;
            }
            if (ran++ >= maxEvents) {
                return Stop.ITERATION_CAP;
            }
            step();
        }
    }

    /** Runs until virtual time {@code deadlineMillis} (or a violation, or the iteration cap). */
    public Stop runFor(long durationMillis, long maxEvents) {
        return runUntil(() -> false, now + durationMillis, maxEvents);
    }

    private Event peekLive() {
        Event e = queue.peek();
        while (e != null && e.cancelled) {
            queue.poll();
            e = queue.peek();
        }
        return e;
    }

    /** One scheduled action. Ordered by time, then by scheduling order. */
    private static final class Event implements Comparable<Event>, Cancellable {
        long time;
        long seq;
        final String label;
        final Runnable action;
        final long period;
        boolean cancelled;

        Event(long time, long seq, String label, Runnable action, long period) {
            this.time = time;
            this.seq = seq;
            this.label = label;
            this.action = action;
            this.period = period;
        }

        @Override
        public int compareTo(Event o) {
            int byTime = Long.compare(time, o.time);
            return byTime != 0 ? byTime : Long.compare(seq, o.seq);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public String toString() {
            return label + "@" + time;
        }
    }
}
