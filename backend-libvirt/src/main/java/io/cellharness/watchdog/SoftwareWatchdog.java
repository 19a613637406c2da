package io.cellharness.watchdog;

import io.cellharness.core.port.Watchdog;
import java.util.concurrent.TimeUnit;

/**
 * The named fallback where a host has no watchdog device: a thread that, when not petted for the timeout, runs the
 * expiry action (the agent halts itself, so it stops answering and petting). It cannot reset the host: a hung kernel
 * or a stuck agent thread may outlive it. It runs only when the configuration names it.
 */
public final class SoftwareWatchdog implements Watchdog, AutoCloseable {

    private final long timeoutNanos;
    private final Runnable expiry;
    private final Thread thread;
    private volatile long lastPet = System.nanoTime();
    private volatile boolean closed;

    public SoftwareWatchdog(long timeoutMillis, Runnable expiry) {
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.expiry = expiry;
        this.thread = new Thread(this::watch, "software-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void pet() {
        lastPet = System.nanoTime();
    }

    private void watch() {
        while (!closed) {
            long idle = System.nanoTime() - lastPet;
            if (idle >= timeoutNanos) {
                expiry.run();
                return;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(timeoutNanos - idle, TimeUnit.MILLISECONDS.toNanos(200)));
            } catch (InterruptedException stop) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
