package io.cellharness.perf.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Issue 18's table: each figure as the build before the issue gave it ("today"), as this build gives it ("new"), and
 * the target, with whether it is met. Both columns come from {@code io.cellharness.perf.SimulatorTable} files
 * measured side by side on the same machine; a figure missing from a file prints as "not measured".
 *
 * <pre>java -cp perf/target/benchmarks.jar io.cellharness.perf.report.IssueTable TODAY.properties NEW.properties</pre>
 */
public final class IssueTable {

    /** One row: how to read and show a figure, and its target. */
    private record Row(String figure, String key, String unit, double target, boolean higherIsBetter, String target0) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("bare kernel, no-op timers, 100k pending", "kernel.eventsPerSecond", "events/s", 10e6, true,
                    "≥ 10M events/s"),
            new Row("quiet cluster, 100 hosts / 2,000 VMs", "quiet100.speed", "×", 2000, true, "≥ 2,000×"),
            new Row("random mode, 100 hosts / 2,000 VMs", "random100.speed", "×", 300, true, "≥ 300×"),
            new Row("events/s at 1,000 hosts ÷ events/s at 10 hosts (quiet)", "scaling.ratio", "", 0.67, true,
                    "≥ 0.67"),
            new Row("random mode, 1,000 hosts / 20,000 VMs", "random1000.speed", "×", 30, true, "≥ 30× real time"),
            new Row("heap in use, 1,000 hosts / 20,000 VMs (random, after 1 min)", "memory1000.heapMiB", "MiB",
                    Double.NaN, false, "stated"),
            new Row("2,000-seed sweep (10 hosts, 100 VMs, 10 min), this machine", "sweep2000.seconds", "s", 60, false,
                    "≤ 60 s"),
            new Row("sweep seeds/s, 2 jobs ÷ 1 job", "sweep.jobs2OverJobs1", "", 1.8, true, "≥ 1.8"));

    private IssueTable() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: IssueTable TODAY.properties NEW.properties");
            System.exit(2);
        }
        System.out.print(render(load(Path.of(args[0])), load(Path.of(args[1]))));
    }

    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }

    /** The table as Markdown. */
    public static String render(Properties today, Properties now) {
        StringBuilder sb = new StringBuilder();
        sb.append("| figure | today | new | new ÷ today | target | met |\n|---|---|---|---|---|---|\n");
        for (Row row : ROWS) {
            Double before = number(today, row.key());
            Double after = number(now, row.key());
            sb.append("| ").append(row.figure()).append(" | ").append(show(before, row.unit())).append(" | ")
                    .append(show(after, row.unit())).append(" | ")
                    .append(before == null || after == null || before == 0 ? "" : String.format(Locale.ROOT, "%.2f",
                            after / before))
                    .append(" | ").append(row.target0()).append(" | ")
                    .append(verdict(row, after)).append(" |\n");
        }
        String[] sizes = {"10", "50", "100", "300"};
        sb.append("| random mode, events per host per second, 10 → 300 hosts | ")
                .append(series(today, sizes)).append(" | ").append(series(now, sizes))
                .append(" | | flat (within 1.5×) | ").append(flatness(now, sizes)).append(" |\n");
        return sb.toString();
    }

    private static String verdict(Row row, Double value) {
        if (value == null) {
            return "not measured";
        }
        if (Double.isNaN(row.target())) {
            return "stated";
        }
        boolean met = row.higherIsBetter() ? value >= row.target() : value <= row.target();
        if (met) {
            return "yes";
        }
        double by = row.higherIsBetter() ? row.target() / value : value / row.target();
        return String.format(Locale.ROOT, "no, missed by %.1f×", by);
    }

    private static String series(Properties p, String[] sizes) {
        List<String> parts = new ArrayList<>();
        for (String s : sizes) {
            Double v = number(p, "random" + s + ".eventsPerHostSecond");
            parts.add(v == null ? "?" : String.format(Locale.ROOT, "%.0f", v));
        }
        return String.join(" → ", parts);
    }

    private static String flatness(Properties p, String[] sizes) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (String s : sizes) {
            Double v = number(p, "random" + s + ".eventsPerHostSecond");
            if (v == null) {
                return "not measured";
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double ratio = max / min;
        return ratio <= 1.5 ? String.format(Locale.ROOT, "yes (%.2f×)", ratio)
                : String.format(Locale.ROOT, "no (%.2f×)", ratio);
    }

    private static Double number(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String show(Double v, String unit) {
        if (v == null) {
            return "not measured";
        }
        String n;
        if (v >= 1e6) {
            n = String.format(Locale.ROOT, "%.2fM", v / 1e6);
        } else if (v >= 1e4) {
            n = String.format(Locale.ROOT, "%,.0f", v);
        } else if (v >= 100) {
            n = String.format(Locale.ROOT, "%.0f", v);
        } else {
            n = String.format(Locale.ROOT, "%.2f", v);
        }
        return unit.isEmpty() ? n : unit.equals("×") ? n + "×" : n + " " + unit;
    }
}
