package io.cellharness.sim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A span of virtual time written {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} (or a number of milliseconds). */
public record VirtualDuration(long millis) {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    public VirtualDuration {
        if (millis < 0) {
            throw new IllegalArgumentException("a duration cannot be negative");
        }
    }

    @JsonCreator
    public static VirtualDuration ofMillis(long millis) {
        return new VirtualDuration(millis);
    }

    @JsonCreator
    public static VirtualDuration parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write it like 500ms, 30s, 2m or 1h");
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        String unit = m.group(2) == null ? "ms" : m.group(2);
        long factor = switch (unit) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            default -> 3_600_000;
        };
        try {
            return new VirtualDuration(Math.multiplyExact(n, factor));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
    }

    @Override
    @JsonValue
    public String toString() {
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0 && millis > 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
