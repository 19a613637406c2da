package io.cellharness.peer;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Logs a recurring event at most once per interval, saying how many were not logged since the last line: a flood of
 * refused clients costs one line a minute, not one per connection.
 */
public final class RateLimitedLog {

    private final long intervalNanos;
    private final Consumer<String> sink;
    private long lastNanos;
    private boolean logged;
    private long suppressed;

    public RateLimitedLog(long intervalMillis, Consumer<String> sink) {
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.sink = sink;
    }

    /** Logs {@code line} unless a line was logged within the interval; then only counts it. */
    public synchronized void log(String line) {
        long now = System.nanoTime();
        if (logged && now - lastNanos < intervalNanos) {
            suppressed++;
            return;
        }
        String tail = suppressed > 0 ? " (" + suppressed + " more since the last such line)" : "";
        sink.accept(line + tail);
        logged = true;
        lastNanos = now;
        suppressed = 0;
    }
}
