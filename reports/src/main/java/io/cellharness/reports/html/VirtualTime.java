package io.cellharness.reports.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Virtual time as people read it ({@code 0s}, {@code 1.5s}, {@code 2m30s}, {@code 1h05m}) and the "nice" steps of a
 * time axis or histogram: 1-2-5 below a second, then steps that fall on whole seconds, minutes and hours.
 */
public final class VirtualTime {

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    private static final long[] NICE_STEPS = {
        1, 2, 5, 10, 20, 50, 100, 200, 250, 500,
        SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 20 * SECOND, 30 * SECOND,
        MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 20 * MINUTE, 30 * MINUTE,
        HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR,
    };

    private VirtualTime() {
    }

    /** A duration or an instant since the start of a run, e.g. {@code 0s}, {@code 250ms}, {@code 1.5s}, {@code 2m03.25s}, {@code 1h05m}. */
    public static String label(long millis) {
        if (millis < 0) {
            return "-" + label(-millis);
        }
        if (millis == 0) {
            return "0s";
        }
        if (millis < SECOND) {
            return millis + "ms";
        }
        long hours = millis / HOUR;
        long minutes = millis % HOUR / MINUTE;
        long seconds = millis % MINUTE / SECOND;
        long fraction = millis % SECOND;
        StringBuilder sb = new StringBuilder();
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (minutes > 0 || (hours > 0 && (seconds > 0 || fraction > 0))) {
            if (hours > 0 && minutes < 10) {
                sb.append('0');
            }
            sb.append(minutes).append('m');
        }
        if (seconds > 0 || fraction > 0) {
            if (sb.length() > 0 && seconds < 10) {
                sb.append('0');
            }
            sb.append(seconds);
            if (fraction > 0) {
                String digits = Long.toString(1000 + fraction).substring(1).replaceAll("0+$", "");
                sb.append('.').append(digits);
            }
            sb.append('s');
        }
        return sb.toString();
    }

    /** The smallest nice step of at least {@code millis} (at least 1 ms); beyond a day, whole multiples of a day. */
    public static long niceStepAtLeast(long millis) {
        for (long step : NICE_STEPS) {
            if (step >= millis) {
                return step;
            }
        }
        long day = 24 * HOUR;
        return (millis + day - 1) / day * day;
    }

    /** The step for an axis from 0 to {@code end} with at most {@code maxTicks} intervals. */
    public static long axisStep(long end, int maxTicks) {
        if (maxTicks < 1) {
            throw new IllegalArgumentException("maxTicks must be at least 1, got " + maxTicks);
        }
        return niceStepAtLeast(Math.max(1, (Math.max(end, 1) + maxTicks - 1) / maxTicks));
    }

    /** The tick positions {@code 0, step, 2·step, ...} up to and including {@code end}. */
    public static List<Long> ticks(long end, long step) {
        List<Long> ticks = new ArrayList<>();
        for (long t = 0; t <= end; t += step) {
            ticks.add(t);
        }
        return ticks;
    }
}
