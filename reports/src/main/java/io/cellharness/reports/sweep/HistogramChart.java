package io.cellharness.reports.sweep;

import static io.cellharness.reports.html.Markup.num;

import io.cellharness.reports.html.Markup;
import io.cellharness.reports.html.VirtualTime;
import java.util.List;
import java.util.Locale;

/**
 * The recovery-time histogram as inline SVG: a bar per non-empty bin (a {@code rect.seg}; every bin, empty or not, a
 * {@code [data-part]} with its tooltip), and the p50, p99 and max as labelled vertical lines ({@code [data-marker]}).
 */
final class HistogramChart {

    private static final double WIDTH = 1280;
    private static final double X0 = 64;
    private static final double X1 = 1260;
    private static final double TOP = 56;
    private static final double BOTTOM = 270;
    private static final double HEIGHT = 312;
    private static final int MAX_X_LABELS = 12;

    private HistogramChart() {
    }

    static Markup render(RecoveryHistogram h) {
        int bins = h.counts().size();
        double binPx = (X1 - X0) / bins;
        int tallest = Math.max(1, h.tallest());
        int yStep = niceCountStep(tallest);
        int yMax = (tallest + yStep - 1) / yStep * yStep;
        int nonEmpty = (int) h.counts().stream().filter(c -> c > 0).count();

        Markup m = new Markup();
        m.open("svg", "class", "chart", "data-chart", "recovery-histogram", "role", "img",
                "viewBox", "0 0 " + num(WIDTH) + " " + num(HEIGHT), "width", num(WIDTH), "height", num(HEIGHT),
                "data-expected-parts", Integer.toString(bins), "data-expected-segments", Integer.toString(nonEmpty),
                "data-expected-markers", "3",
                "aria-label", "Histogram of " + h.samples() + " recovery times");

        m.open("g", "class", "axis");
        for (int c = 0; c <= yMax; c += yStep) {
            double y = yOf(c, yMax);
            m.empty("line", "class", "grid", "x1", num(X0), "x2", num(X1), "y1", num(y), "y2", num(y));
            m.element("text", Integer.toString(c), "x", num(X0 - 8), "y", num(y + 4), "text-anchor", "end");
        }
        int every = (bins + MAX_X_LABELS - 1) / MAX_X_LABELS;
        for (int i = 0; i <= bins; i += every) {
            double x = X0 + i * binPx;
            m.empty("line", "x1", num(x), "x2", num(x), "y1", num(BOTTOM), "y2", num(BOTTOM + 5), "stroke", "#8c959f");
            m.element("text", VirtualTime.label(h.binStart(i)), "x", num(x), "y", num(BOTTOM + 18), "text-anchor",
                    "middle");
        }
        m.empty("line", "x1", num(X0), "x2", num(X1), "y1", num(BOTTOM), "y2", num(BOTTOM), "stroke", "#8c959f");
        m.element("text", "recoveries", "x", "12", "y", num(TOP - 10));
        m.element("text", "recovery time (virtual), bins of " + VirtualTime.label(h.binWidthMillis()), "x",
                num((X0 + X1) / 2), "y", num(HEIGHT - 6), "text-anchor", "middle");
        m.close("g");

        int total = h.samples();
        for (int i = 0; i < bins; i++) {
            int count = h.counts().get(i);
            double x = X0 + i * binPx;
            m.open("g", "data-part", "bin");
            m.element("title", VirtualTime.label(h.binStart(i)) + " – " + VirtualTime.label(h.binStart(i + 1)) + ": "
                    + count + (count == 1 ? " recovery" : " recoveries")
                    + String.format(Locale.ROOT, " (%.1f%%)", 100.0 * count / total));
            m.empty("rect", "x", num(x), "y", num(TOP), "width", num(binPx), "height", num(BOTTOM - TOP), "fill",
                    "transparent");
            if (count > 0) {
                // A bin of one among hundreds still shows.
                double y = Math.min(yOf(count, yMax), BOTTOM - 2);
                m.empty("rect", "class", "seg", "x", num(x + 1), "y", num(y), "width", num(Math.max(1, binPx - 2)),
                        "height", num(BOTTOM - y), "fill", "#4e79a7", "rx", "1.5");
            }
            m.close("g");
        }

        double range = h.endMillis() - h.firstBinMillis();
        statistic(m, "p50", h.p50(), "#1a7f37", "6 3", 0, xOf(h.p50(), h, range));
        statistic(m, "p99", h.p99(), "#d9620c", "6 3", 1, xOf(h.p99(), h, range));
        statistic(m, "max", h.max(), "#b42318", null, 2, xOf(h.max(), h, range));
        m.close("svg");
        return m;
    }

    private static double xOf(long millis, RecoveryHistogram h, double range) {
        return X0 + (X1 - X0) * (millis - h.firstBinMillis()) / range;
    }

    private static double yOf(int count, int yMax) {
        return BOTTOM - (BOTTOM - TOP) * count / yMax;
    }

    /** A labelled vertical line; each statistic labels its own row, so close values never overprint. */
    private static void statistic(Markup m, String name, long millis, String colour, String dash, int row, double x) {
        double labelY = 14 + row * 13;
        m.open("g", "data-marker", name);
        m.element("title", name + " = " + VirtualTime.label(millis) + " (" + millis + " ms)");
        m.empty("line", "x1", num(x), "x2", num(x), "y1", num(labelY + 3), "y2", num(BOTTOM), "stroke", colour,
                "stroke-width", "1.8", "stroke-dasharray", dash);
        boolean flip = x > X1 - 120;
        m.element("text", name + " " + VirtualTime.label(millis), "x", num(flip ? x - 5 : x + 5), "y", num(labelY),
                "text-anchor", flip ? "end" : "start", "fill", colour, "font-weight", "600");
        m.close("g");
    }

    /** A 1-2-5 step for a count axis with at most five gridlines. */
    static int niceCountStep(int tallest) {
        for (int scale = 1; ; scale *= 10) {
            for (int f : List.of(1, 2, 5)) {
                if ((long) f * scale * 5 >= tallest) {
                    return f * scale;
                }
            }
        }
    }
}
