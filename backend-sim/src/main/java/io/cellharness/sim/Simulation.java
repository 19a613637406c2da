package io.cellharness.sim;

import io.cellharness.core.port.Clock;
import io.cellharness.core.port.RandomSource;
import io.cellharness.core.port.Scheduler;
import io.cellharness.core.port.SeededRandom;
import java.util.Arrays;
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
    private final EventQueue queue = new EventQueue();
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
        Event e = new Event(queue, label, action, 0);
        queue.add(e, Math.max(timeMillis, now), nextSeq++);
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
        Event e = new Event(queue, label, action, periodMillis);
        queue.add(e, now + Math.max(0, initialDelayMillis), nextSeq++);
        return e;
    }

    /**
     * Runs the earliest event, then the safety invariants.
     *
     * @return false when there was no event to run
     */
    public boolean step() {
        if (queue.isEmpty()) {
            return false;
        }
        now = queue.headTime();
        Event e;
        executed++;
        if (queue.headPeriod() > 0) {
            // Reschedule before running, with a new sequence number, so the action may cancel its own timer.
            e = queue.rescheduleHead(now + queue.headPeriod(), nextSeq++);
        } else {
            e = queue.poll();
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
            if (queue.isEmpty()) {
                return Stop.QUIESCENT;
            }
            if (queue.headTime() > deadlineMillis) {
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

    /**
     * One scheduled action; its place in the queue is kept so that cancelling it takes it out at once (the many
     * time-outs that a reply cancels never reach the head).
     */
    private static final class Event implements Cancellable {
        final EventQueue queue;
        final String label;
        final Runnable action;
        final long period;
        /** Index in the heap, or -1 once it ran (one-shot) or was cancelled. */
        int slot = -1;
        boolean cancelled;

        Event(EventQueue queue, String label, Runnable action, long period) {
            this.queue = queue;
            this.label = label;
            this.action = action;
            this.period = period;
        }

        @Override
        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                if (slot >= 0) {
                    queue.remove(slot);
                }
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * An indexed 4-ary min-heap ordered by (time, sequence number). Keys live in primitive arrays beside the events,
     * so a comparison reads no object; every event knows its slot, so removal is O(log n) and nothing cancelled stays
     * queued. Ties cannot happen: sequence numbers are unique.
     */
    private static final class EventQueue {
        private long[] times = new long[64];
        private long[] seqs = new long[64];
        private Event[] events = new Event[64];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        int size() {
            return size;
        }

        long headTime() {
            return times[0];
        }

        long headPeriod() {
            return events[0].period;
        }

        void add(Event e, long time, long seq) {
            if (size == events.length) {
                int n = size * 2;
                times = Arrays.copyOf(times, n);
                seqs = Arrays.copyOf(seqs, n);
                events = Arrays.copyOf(events, n);
            }
            siftUp(size++, e, time, seq);
        }

        /** Takes the head out. */
        Event poll() {
            Event head = events[0];
            head.slot = -1;
            int last = --size;
            if (last > 0) {
                Event moved = events[last];
                long t = times[last];
                long q = seqs[last];
                events[last] = null;
                siftDown(0, moved, t, q);
            } else {
                events[0] = null;
            }
            return head;
        }

        /** Gives the head a new key and puts it back in place (a periodic timer's next run); returns it. */
        Event rescheduleHead(long time, long seq) {
            Event head = events[0];
            siftDown(0, head, time, seq);
            return head;
        }

        void remove(int slot) {
            Event gone = events[slot];
            gone.slot = -1;
            int last = --size;
            if (slot == last) {
                events[last] = null;
                return;
            }
            Event moved = events[last];
            long t = times[last];
            long q = seqs[last];
            events[last] = null;
            if (slot > 0 && less(t, q, times[(slot - 1) >>> 2], seqs[(slot - 1) >>> 2])) {
                siftUp(slot, moved, t, q);
            } else {
                siftDown(slot, moved, t, q);
            }
        }

        private static boolean less(long t1, long q1, long t2, long q2) {
            return t1 < t2 || (t1 == t2 && q1 < q2);
        }

        private void siftUp(int k, Event e, long t, long q) {
            while (k > 0) {
                int parent = (k - 1) >>> 2;
                long pt = times[parent];
                if (pt < t || (pt == t && seqs[parent] < q)) {
                    break;
                }
                place(k, events[parent], pt, seqs[parent]);
                k = parent;
            }
            place(k, e, t, q);
        }

        private void siftDown(int k, Event e, long t, long q) {
            while (true) {
                int first = (k << 2) + 1;
                if (first >= size) {
                    break;
                }
                int best = first;
                long bt = times[first];
                long bq = seqs[first];
                int end = Math.min(first + 4, size);
                for (int c = first + 1; c < end; c++) {
                    long ct = times[c];
                    if (ct < bt || (ct == bt && seqs[c] < bq)) {
                        best = c;
                        bt = ct;
                        bq = seqs[c];
                    }
                }
                if (t < bt || (t == bt && q < bq)) {
                    break;
                }
                place(k, events[best], bt, bq);
                k = best;
            }
            place(k, e, t, q);
        }

        private void place(int k, Event e, long t, long q) {
            events[k] = e;
            times[k] = t;
            seqs[k] = q;
            e.slot = k;
        }
    }
}
