package io.cellharness.perf.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cost against size as an SVG written by hand (no plotting library on the machine): a grid of panels, one per
 * benchmark, each with its own axes (logarithmic where the sizes or costs span decades) and one line per measured
 * method. Output is deterministic for the same input.
 */
public final class ScalingPlot {

    /** One point. */
    public record Point(double x, double y) {
    }

    /** One line: a method (or a parameter value) across sizes. Baselines are drawn dashed. */
    public record Series(String name, List<Point> points, boolean baseline) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /** One benchmark's chart. */
    public record Panel(String title, String xLabel, String yLabel, boolean logX, boolean logY, List<Series> series) {
        public Panel {
            series = List.copyOf(series);
        }

        boolean hasData() {
            return series.stream().anyMatch(s -> !s.points().isEmpty());
        }
    }

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"};
    private static final int PANEL_W = 460;
    private static final int PANEL_H = 300;
    private static final int COLUMNS = 2;
    private static final int LEFT = 70;
    private static final int RIGHT = 150;
    private static final int TOP = 34;
    private static final int BOTTOM = 46;

    private ScalingPlot() {
    }

    /** The SVG document of {@code panels} (panels without data are left out), under {@code title}. */
    public static String svg(String title, List<Panel> panels) {
        List<Panel> shown = panels.stream().filter(Panel::hasData).toList();
        int rows = Math.max(1, (shown.size() + COLUMNS - 1) / COLUMNS);
        int width = COLUMNS * PANEL_W;
        int height = 40 + rows * PANEL_H;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">\n", width, height, width, height));
        out.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", width, height));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\" text-anchor=\"middle\">%s</text>\n",
                width / 2, escape(title)));
        for (int i = 0; i < shown.size(); i++) {
            int x0 = (i % COLUMNS) * PANEL_W;
            int y0 = 40 + (i / COLUMNS) * PANEL_H;
            panel(out, shown.get(i), x0, y0);
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private static void panel(StringBuilder out, Panel p, int x0, int y0) {
        int plotW = PANEL_W - LEFT - RIGHT;
        int plotH = PANEL_H - TOP - BOTTOM;
        Axis xAxis = Axis.of(p.series(), true, p.logX());
        Axis yAxis = Axis.of(p.series(), false, p.logY());
        int left = x0 + LEFT;
        int top = y0 + TOP;
        out.append(String.format(Locale.ROOT, "<g>\n<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">%s</text>\n",
                x0 + 10, y0 + 18, escape(p.title())));
        out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#444\"/>\n", left, top, plotW, plotH));
        for (double t : xAxis.ticks()) {
            double x = left + xAxis.fraction(t) * plotW;
            out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>\n",
                    x, top, x, top + plotH));
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                    x, top + plotH + 14, label(t)));
        }
        for (double t : yAxis.ticks()) {
            double y = top + plotH - yAxis.fraction(t) * plotH;
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
                    left, y, left + plotW, y));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                    left - 4, y + 4, label(t)));
        }
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                left + plotW / 2, top + plotH + 32, escape(p.xLabel() + (p.logX() ? " (log)" : ""))));
        out.append(String.format(Locale.ROOT, "<text transform=\"translate(%d,%d) rotate(-90)\" text-anchor=\"middle\">"
                + "%s</text>\n", x0 + 16, top + plotH / 2, escape(p.yLabel() + (p.logY() ? " (log)" : ""))));
        int legendY = top + 4;
        for (int s = 0; s < p.series().size(); s++) {
            Series series = p.series().get(s);
            if (series.points().isEmpty()) {
                continue;
            }
            String colour = COLOURS[s % COLOURS.length];
            String dash = series.baseline() ? " stroke-dasharray=\"5,4\"" : "";
            StringBuilder path = new StringBuilder();
            for (Point pt : series.points()) {
                double x = left + xAxis.fraction(pt.x()) * plotW;
                double y = top + plotH - yAxis.fraction(pt.y()) * plotH;
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
                out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n",
                        x, y, colour));
            }
            out.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\"%s/>\n",
                    path, colour, dash));
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2\"%s/>\n", left + plotW + 8, legendY, left + plotW + 24, legendY, colour, dash));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>\n", left + plotW + 28,
                    legendY + 4, escape(series.name())));
            legendY += 15;
        }
        out.append("</g>\n");
    }

    /** A linear or logarithmic axis over the data's range. */
    private record Axis(double min, double max, boolean log) {

        static Axis of(List<Series> series, boolean x, boolean log) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Series s : series) {
                for (Point p : s.points()) {
                    double v = x ? p.x() : p.y();
                    if (log && v <= 0) {
                        continue;
                    }
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            if (min > max) {
                return new Axis(log ? 1 : 0, log ? 10 : 1, log);
            }
            if (log) {
                double lo = Math.floor(Math.log10(min));
                double hi = Math.ceil(Math.log10(max));
                return new Axis(Math.pow(10, lo), Math.pow(10, hi > lo ? hi : lo + 1), true);
            }
            double step = niceStep((max - Math.min(0, min)) / 5);
            double lo = Math.min(0, Math.floor(min / step) * step);
            double hi = Math.ceil(max / step) * step;
            return new Axis(lo, hi == lo ? lo + step : hi, false);
        }

        double fraction(double v) {
            if (log) {
                return (Math.log10(Math.max(v, min)) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
            }
            return (v - min) / (max - min);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double t = min; t <= max * 1.0001; t *= 10) {
                    ticks.add(t);
                }
            } else {
                double step = niceStep((max - min) / 5);
                for (double t = min; t <= max + step / 1000; t += step) {
                    ticks.add(t);
                }
            }
            return ticks;
        }

        private static double niceStep(double raw) {
            if (raw <= 0) {
                return 1;
            }
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double f = raw / magnitude;
            return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
        }
    }

    /** 1, 20, 300, 4k, 50k, 1M, 0.5 ... */
    static String label(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return trim(v / 1e9) + "G";
        }
        if (a >= 1e6) {
            return trim(v / 1e6) + "M";
        }
        if (a >= 1e3) {
            return trim(v / 1e3) + "k";
        }
        return trim(v);
    }

    private static String trim(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
