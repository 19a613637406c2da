package io.cellharness.libvirt;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The engine's single thread, as production runs it: every completion and event must arrive here. */
final class EngineThread {

    static final String NAME = "engine";

    static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, NAME);
        t.setDaemon(true);
        return t;
    });

    private EngineThread() {
    }

    /** Holds the engine thread until the returned latch is released, so that work queues up behind it. */
    static CountDownLatch block() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EXECUTOR.execute(() -> {
            running.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        running.await(10, TimeUnit.SECONDS);
        return release;
    }

    static boolean isCurrent() {
        return Thread.currentThread().getName().equals(NAME);
    }
}
