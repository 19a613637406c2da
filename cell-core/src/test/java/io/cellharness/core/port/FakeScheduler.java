package io.cellharness.core.port;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * A deterministic {@link Scheduler} and {@link Clock} for unit tests: one queue ordered by (time, sequence number),
 * a clock that only moves when the test says so, and nothing ever runs concurrently. Shared with other modules through
 * cell-core's test-jar.
 *
 * <p>{@link #advanceTo} runs every action due up to the given time, in (time, sequence) order, setting the clock to
 * each action's time first; actions scheduled by running actions take part if they fall due in time. Checks
 * registered with {@link #afterEachAction} run after every action (Kafka's simulation tests check invariants after
 * every event).
 */
public final class FakeScheduler implements Scheduler, Clock {

    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparingLong((Task t) -> t.time).thenComparingLong(t -> t.sequence));
    private final List<Runnable> afterEach = new ArrayList<>();
    private long now;
    private long nextSequence;
    private long actionsRun;

    /** A scheduler whose clock starts at 0. */
    public FakeScheduler() {
        this(0);
    }

    public FakeScheduler(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public long nowMillis() {
        return now;
    }

    @Override
    public Cancellable at(long timeMillis, String label, Runnable action) {
        return enqueue(Math.max(timeMillis, now), 0, label, action);
    }

    @Override
    public Cancellable after(long delayMillis, String label, Runnable action) {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("negative delay " + delayMillis + " for " + label);
        }
        return enqueue(now + delayMillis, 0, label, action);
    }

    @Override
    public Cancellable periodic(long initialDelayMillis, long periodMillis, String label, Runnable action) {
        if (initialDelayMillis < 0 || periodMillis <= 0) {
            throw new IllegalArgumentException("periodic " + label + " needs delay >= 0 and period > 0, got "
                    + initialDelayMillis + " and " + periodMillis);
        }
        return enqueue(now + initialDelayMillis, periodMillis, label, action);
    }

    /** Runs every action due at or before {@code timeMillis}, then sets the clock to {@code timeMillis}. */
    public void advanceTo(long timeMillis) {
        if (timeMillis < now) {
            throw new IllegalArgumentException("time runs forward: now " + now + ", asked for " + timeMillis);
        }
        while (!queue.isEmpty() && queue.peek().time <= timeMillis) {
            Task task = queue.poll();
            if (task.cancelled) {
                continue;
            }
            now = task.time;
            actionsRun++;
            task.action.run();
            if (task.period > 0 && !task.cancelled) {
                task.time += task.period;
                task.sequence = nextSequence++;
                queue.add(task);
            }
            for (Runnable check : afterEach) {
                check.run();
            }
        }
        now = timeMillis;
    }

    /** {@link #advanceTo} {@code now + deltaMillis}. */
    public void advanceBy(long deltaMillis) {
        advanceTo(now + deltaMillis);
    }

    /** Runs what is due now, without moving the clock. */
    public void runDue() {
        advanceTo(now);
    }

    /** Registers a check run after every action, e.g. an invariant. */
    public void afterEachAction(Runnable check) {
        afterEach.add(check);
    }

    /** When the next live action is due, if any. */
    public OptionalLong nextActionTime() {
        queue.removeIf(t -> t.cancelled);
        return queue.isEmpty() ? OptionalLong.empty() : OptionalLong.of(queue.peek().time);
    }

    /** How many live actions wait. */
    public int pendingActions() {
        queue.removeIf(t -> t.cancelled);
        return queue.size();
    }

    /** How many actions have run so far. */
    public long actionsRun() {
        return actionsRun;
    }

    /** The labels of the live actions waiting, in the order they will run. */
    public List<String> pendingLabels() {
        List<Task> tasks = new ArrayList<>(queue);
        tasks.removeIf(t -> t.cancelled);
        tasks.sort(queue.comparator());
        List<String> labels = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            labels.add(t.label);
        }
        return labels;
    }

    private Task enqueue(long time, long period, String label, Runnable action) {
        Task task = new Task(time, nextSequence++, period, label, action);
        queue.add(task);
        return task;
    }

    private static final class Task implements Cancellable {
        long time;
        long sequence;
        final long period;
        final String label;
        final Runnable action;
        boolean cancelled;

        Task(long time, long sequence, long period, String label, Runnable action) {
            this.time = time;
            this.sequence = sequence;
            this.period = period;
            this.label = label;
            this.action = action;
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
