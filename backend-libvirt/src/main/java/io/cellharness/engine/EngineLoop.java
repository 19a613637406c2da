package io.cellharness.engine;

import io.cellharness.core.port.Clock;
import io.cellharness.core.port.Scheduler;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

/**
 * The engine's one thread in production: its {@link Clock} (milliseconds on the monotonic clock since the loop was
 * made) and its {@link Scheduler} (actions ordered by (time, submission order), as the simulator's kernel orders its
 * events), and the {@link Executor} on which blocking pools deliver their results. Actions never run concurrently, so
 * engine code needs no locks in either world.
 *
 * <p>An action that throws is handed to the error handler (the service logs it) and the loop goes on; a periodic
 * timer whose action threw keeps its schedule, as the simulator's does. A periodic timer's next run is counted from
 * when it was due, not from when it ran, and a late loop does not run a timer twice to catch up.
 */
public final class EngineLoop implements Clock, Scheduler, Executor, AutoCloseable {

    private final long originNanos = System.nanoTime();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final BiConsumer<String, Throwable> errors;
    private final Thread thread;
    private long nextSeq;
    private boolean stopping;

    /**
     * Starts the loop's thread.
     *
     * @param name   the thread's name
     * @param errors told the label and the error of every action that throws
     */
    public EngineLoop(String name, BiConsumer<String, Throwable> errors) {
        this.errors = Objects.requireNonNull(errors, "errors");
        this.thread = new Thread(this::run, name);
        thread.start();
    }

    @Override
    public long nowMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - originNanos);
    }

    /** Whether the calling code runs on this loop's thread. */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    public Cancellable at(long timeMillis, String label, Runnable action) {
        return add(Math.max(timeMillis, nowMillis()), 0, label, action); // a past time means now, as the port says
    }

    @Override
    public Cancellable after(long delayMillis, String label, Runnable action) {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("negative delay " + delayMillis + " for " + label);
        }
        return add(nowMillis() + delayMillis, 0, label, action);
    }

    @Override
    public Cancellable periodic(long initialDelayMillis, long periodMillis, String label, Runnable action) {
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("period must be positive for " + label);
        }
        return add(nowMillis() + Math.max(0, initialDelayMillis), periodMillis, label, action);
    }

    /** Runs {@code command} on the loop as soon as possible: how blocking pools post their results back. */
    @Override
    public void execute(Runnable command) {
        add(nowMillis(), 0, "completion", command);
    }

    private Task add(long timeMillis, long periodMillis, String label, Runnable action) {
        Objects.requireNonNull(action, "action");
        lock.lock();
        try {
            if (stopping) {
                throw new RejectedExecutionException("engine loop " + thread.getName() + " is stopped: " + label);
            }
            Task task = new Task(timeMillis, nextSeq++, label, action, periodMillis);
            queue.add(task);
            changed.signal();
            return task;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            Task task = next();
            if (task == null) {
                return;
            }
            try {
                task.action.run();
            } catch (RuntimeException | Error thrown) {
                if (thrown instanceof VirtualMachineError fatal) {
                    throw fatal;
                }
                errors.accept(task.label, thrown);
            }
        }
    }

    /** The next due task, waiting for it; null when the loop stops. A periodic task is re-queued before it runs. */
    private Task next() {
        lock.lock();
        try {
            while (true) {
                if (stopping) {
                    return null;
                }
                Task head = queue.peek();
                if (head != null && head.cancelled) {
                    queue.poll();
                    continue;
                }
                long now = nowMillis();
                if (head != null && head.time <= now) {
                    queue.poll();
                    if (head.period > 0) {
                        long next = head.time + head.period;
                        head.time = next > now ? next : now + head.period; // late: skip, never run twice at once
                        head.seq = nextSeq++;
                        queue.add(head);
                    }
                    return head;
                }
                if (head == null) {
                    changed.await();
                } else {
                    changed.await(head.time - now, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the loop after the action now running, dropping what is queued, and waits for its thread. */
    @Override
    public void close() {
        lock.lock();
        try {
            stopping = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (!inLoop()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class Task implements Comparable<Task>, Cancellable {
        long time;
        long seq;
        final String label;
        final Runnable action;
        final long period;
        volatile boolean cancelled;

        Task(long time, long seq, String label, Runnable action, long period) {
            this.time = time;
            this.seq = seq;
            this.label = label;
            this.action = action;
            this.period = period;
        }

        @Override
        public int compareTo(Task o) {
            int byTime = Long.compare(time, o.time);
            return byTime != 0 ? byTime : Long.compare(seq, o.seq);
        }

        @Override
        public void cancel() {
            cancelled = true;
            lock.lock();
            try {
                queue.remove(this);
            } finally {
                lock.unlock();
            }
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
