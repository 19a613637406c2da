package io.cellharness.sim;

import io.cellharness.core.port.Clock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * The canonical trace of a run: one line per thing that happened, {@code <virtual time> <component> <event>
 * <details>}, in the order it happened. Its SHA-256 names the run's behaviour: the same seed must give the same
 * hash. Lines go to the digest and to any sinks (a file, the case report, a ring of recent lines).
 */
public final class Trace {

    private final Clock clock;
    private final MessageDigest digest;
    private final List<Consumer<String>> sinks = new ArrayList<>();
    private final StringBuilder line = new StringBuilder(128);
    private long lines;

    Trace(Clock clock) {
        this.clock = clock;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Adds a sink that receives every line from now on. */
    public void addSink(Consumer<String> sink) {
        sinks.add(sink);
    }

    /** Records one line: what {@code component} did or saw, with details (no newlines). */
    public void record(String component, String event, String details) {
        line.setLength(0);
        appendTime(line, clock.nowMillis());
        line.append(' ').append(component).append(' ').append(event);
        if (details != null && !details.isEmpty()) {
            line.append(' ').append(details);
        }
        String text = line.toString();
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        lines++;
        for (Consumer<String> sink : sinks) {
            sink.accept(text);
        }
    }

    public void record(String component, String event) {
        record(component, event, "");
    }

    public long lines() {
        return lines;
    }

    /** The SHA-256 of every line so far (each followed by a newline), in hex. Does not end the trace. */
    public String sha256() {
        try {
            MessageDigest copy = (MessageDigest) digest.clone();
            return HexFormat.of().formatHex(copy.digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
    }

    /** {@code 000012.345}: seconds with milliseconds, fixed width so traces line up and sort. */
    public static void appendTime(StringBuilder sb, long millis) {
        long seconds = millis / 1000;
        long ms = millis % 1000;
        String s = Long.toString(seconds);
        for (int i = s.length(); i < 6; i++) {
            sb.append('0');
        }
        sb.append(s).append('.');
        if (ms < 100) {
            sb.append('0');
        }
        if (ms < 10) {
            sb.append('0');
        }
        sb.append(ms);
    }

    public static String formatTime(long millis) {
        StringBuilder sb = new StringBuilder(12);
        appendTime(sb, millis);
        return sb.toString();
    }
}
