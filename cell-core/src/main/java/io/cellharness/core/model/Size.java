package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cellharness.core.limits.Limits;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size in bytes, written with binary units: {@code 512MiB}, {@code 16TiB}, {@code 1.5GiB}, or a plain number of
 * bytes. Decimal units (GB, TB) are refused rather than guessed, because the documentation's "16TB" means 16 TiB.
 */
public record Size(long bytes) implements Comparable<Size> {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)");
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    public Size {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    public static Size ofBytes(long bytes) {
        return new Size(bytes);
    }

    public static Size ofMiB(long mib) {
        return new Size(Math.multiplyExact(mib, Limits.MIB));
    }

    public static Size ofGiB(long gib) {
        return new Size(Math.multiplyExact(gib, Limits.GIB));
    }

    public static Size ofTiB(long tib) {
        return new Size(Math.multiplyExact(tib, Limits.TIB));
    }

    /** Reads a plain byte count from YAML numbers. */
    @JsonCreator
    public static Size fromYaml(long bytes) {
        return new Size(bytes);
    }

    /**
     * Parses {@code 512MiB}, {@code 16 TiB}, {@code 1.5GiB} or {@code 1048576}.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    @JsonCreator
    public static Size parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a size is required, like 512MiB or 16TiB");
        }
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write it like 512MiB or 16TiB");
        }
        long unit = unitBytes(m.group(1), m.group(2), text);
        try {
            if (m.group(1).contains(".")) {
                java.math.BigDecimal exact = new java.math.BigDecimal(m.group(1)).multiply(java.math.BigDecimal.valueOf(unit));
                return new Size(exact.setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact());
            }
            return new Size(Math.multiplyExact(Long.parseLong(m.group(1)), unit));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of bytes or is too large");
        }
    }

    private static long unitBytes(String number, String unit, String text) {
        switch (unit.toLowerCase(Locale.ROOT)) {
            case "", "b":
                return 1;
            case "k", "kib":
                return Limits.KIB;
            case "m", "mib":
                return Limits.MIB;
            case "g", "gib":
                return Limits.GIB;
            case "t", "tib":
                return Limits.TIB;
            case "p", "pib":
                return 1024 * Limits.TIB;
            case "kb", "mb", "gb", "tb", "pb":
                // The documentation writes 16TB and means 16 TiB: say what to write instead of guessing.
                String binary = number + Character.toUpperCase(unit.charAt(0)) + "iB";
                throw new IllegalArgumentException("'" + text + "' uses a decimal unit; write " + binary
                        + " (sizes are binary: KiB, MiB, GiB, TiB)");
            default:
                throw new IllegalArgumentException("'" + text + "' has an unknown unit '" + unit + "'; use B, KiB, MiB, GiB or TiB");
        }
    }

    public Size plus(Size other) {
        return new Size(Math.addExact(bytes, other.bytes));
    }

    public Size minus(Size other) {
        return new Size(Math.max(0, bytes - other.bytes));
    }

    public boolean isGreaterThan(Size other) {
        return bytes > other.bytes;
    }

    /** The exact form with the largest binary unit that divides the size, e.g. {@code 16TiB}, {@code 1025MiB}. */
    @Override
    @JsonValue
    public String toString() {
        if (bytes == 0) {
            return "0B";
        }
        int unit = 0;
        long value = bytes;
        while (unit < UNITS.length - 1 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + UNITS[unit];
    }

    @Override
    public int compareTo(Size o) {
        return Long.compare(bytes, o.bytes);
    }
}
