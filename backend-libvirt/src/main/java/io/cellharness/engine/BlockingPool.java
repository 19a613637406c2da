package io.cellharness.engine;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A bounded pool for blocking calls (a fixed number of threads and a bounded queue: a flood of calls is refused, not
 * queued without end), whose results are delivered on the engine loop.
 */
public final class BlockingPool implements Executor, AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final Executor engine;

    /**
     * @param name    thread name prefix, e.g. {@code "libvirt"}
     * @param threads how many calls may block at once
     * @param queue   how many calls may wait for a thread
     * @param engine  where results are delivered
     */
    public BlockingPool(String name, int threads, int queue, Executor engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        AtomicInteger number = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(r, name + "-" + number.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable command) {
        pool.execute(command);
    }

    /** The engine these results go to. */
    public Executor engine() {
        return engine;
    }

    /**
     * Runs {@code call} on this pool and completes the returned stage on the engine, with the call's value or its
     * exception; a call the pool refuses (queue full, closed) completes exceptionally with
     * {@link RejectedExecutionException} without running.
     */
    public <T> CompletionStage<T> call(Supplier<T> call) {
        CompletableFuture<T> done = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                T value;
                try {
                    value = call.get();
                } catch (RuntimeException failed) {
                    post(() -> done.completeExceptionally(failed));
                    return;
                }
                post(() -> done.complete(value));
            });
        } catch (RejectedExecutionException refused) {
            post(() -> done.completeExceptionally(refused));
        }
        return done;
    }

    private void post(Runnable completion) {
        try {
            engine.execute(completion);
        } catch (RejectedExecutionException engineGone) {
            completion.run(); // the engine has stopped; never leave a caller waiting forever
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
