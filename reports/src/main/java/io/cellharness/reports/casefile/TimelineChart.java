package io.cellharness.reports.casefile;

import static io.cellharness.reports.html.Markup.num;

import io.cellharness.reports.html.Markup;
import io.cellharness.reports.html.VirtualTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one timeline of a case page, as inline SVG: a shared virtual-time axis, a lane per host (state intervals), a
 * lane per drawn VM (the host it runs on, and beneath it a thin storage-path sub-lane) and a vertical line per
 * marker with its glyph on top and a dot on the lane it concerns. Every drawn interval is a {@code rect.seg}, every
 * lane a {@code [data-part]}, every marker a {@code [data-marker]}; the SVG declares how many of each it holds for
 * the page's self-check.
 */
final class TimelineChart {

    static final double WIDTH = 1280;
    static final double PLOT_X0 = 190;
    static final double PLOT_X1 = 1262;
    private static final double HOST_PITCH = 31;
    private static final double HOST_BAR = 18;
    private static final double TRUTH_BAR = 5;
    private static final double VM_PITCH = 22;
    private static final double VM_BAR = 13;
    private static final double PATH_BAR = 4;
    private static final double SECTION = 20;
    private static final double GLYPH_ROW = 13;
    private static final int MAX_GLYPH_ROWS = 3;
    private static final int LABEL_CHARS = 26;
    private static final int MAX_TICKS = 14;

    private final CaseReport report;
    private final List<VmLane> vms;
    private final int hiddenVms;
    private final Colours.HostColours hostColours = new Colours.HostColours();
    private final long end;

    private final Set<String> statesUsed = new LinkedHashSet<>();
    private final Set<String> truthsUsed = new LinkedHashSet<>();
    private final Set<Marker.Kind> markerKindsUsed = EnumSet.noneOf(Marker.Kind.class);
    private boolean notRunningUsed;
    private boolean stalledUsed;
    private int segments;

    TimelineChart(CaseReport report, VmLaneSelection selection) {
        this.report = report;
        this.vms = selection.shown();
        this.hiddenVms = selection.hidden().size();
        long last = Math.max(1, report.durationMillis());
        for (HostLane h : report.hosts()) {
            hostColours.of(h.host());
            last = Math.max(last, lastEnd(h.states()));
        }
        for (VmLane vm : report.vms()) {
            last = Math.max(last, Math.max(lastEnd(vm.placement()), lastEnd(vm.storagePath())));
        }
        for (Marker m : report.markers()) {
            last = Math.max(last, m.atMillis());
        }
        this.end = last;
    }

    private static long lastEnd(List<Interval<String>> intervals) {
        return intervals.stream().mapToLong(Interval::toMillis).max().orElse(0);
    }

    long endMillis() {
        return end;
    }

    /** Ground truths drawn under the host lanes, in legend order. */
    List<String> truthsUsed() {
        List<String> ordered = new ArrayList<>();
        for (String t : Colours.HOST_TRUTH.keySet()) {
            if (truthsUsed.contains(t)) {
                ordered.add(t);
            }
        }
        for (String t : truthsUsed) {
            if (!ordered.contains(t)) {
                ordered.add(t);
            }
        }
        return ordered;
    }

    /** Host states drawn, in legend order (known states in their fixed order, then others as first seen). */
    List<String> statesUsed() {
        List<String> ordered = new ArrayList<>();
        for (String known : Colours.HOST_STATES.keySet()) {
            statesUsed.stream().filter(s -> s.equalsIgnoreCase(known)).findFirst().ifPresent(ordered::add);
        }
        statesUsed.stream().filter(s -> !ordered.contains(s)).forEach(ordered::add);
        return ordered;
    }

    Map<String, String> hostColoursUsed() {
        return hostColours.assigned();
    }

    Set<Marker.Kind> markerKindsUsed() {
        return markerKindsUsed;
    }

    boolean notRunningUsed() {
        return notRunningUsed;
    }

    boolean stalledUsed() {
        return stalledUsed;
    }

    private double x(long millis) {
        long t = Math.max(0, Math.min(end, millis));
        return PLOT_X0 + (PLOT_X1 - PLOT_X0) * t / end;
    }

    Markup render() {
        // Markers first: their glyph rows decide where the lanes start.
        List<Marker> markers = new ArrayList<>(report.markers());
        markers.sort(Comparator.comparingLong(Marker::atMillis));
        int[] glyphRow = new int[markers.size()];
        double[] rowLastX = new double[MAX_GLYPH_ROWS];
        Arrays.fill(rowLastX, Double.NEGATIVE_INFINITY);
        int rows = 1;
        for (int i = 0; i < markers.size(); i++) {
            double mx = x(markers.get(i).atMillis());
            int row = MAX_GLYPH_ROWS - 1;
            for (int r = 0; r < MAX_GLYPH_ROWS; r++) {
                if (rowLastX[r] <= mx - 11) {
                    row = r;
                    break;
                }
            }
            rowLastX[row] = mx;
            glyphRow[i] = row;
            rows = Math.max(rows, row + 1);
        }
        double glyphTop = 22;
        double plotTop = glyphTop + rows * GLYPH_ROW + 4;

        // Lanes before the <svg> tag: drawing them counts the segments the tag declares.
        Markup lanes = new Markup();
        Map<String, Double> laneCentre = new LinkedHashMap<>();
        double y = plotTop;
        lanes.element("text", "HOSTS", "class", "section", "x", "10", "y", num(y + 14));
        y += SECTION;
        int stripe = 0;
        for (HostLane host : report.hosts()) {
            hostLane(lanes, host, y, stripe++ % 2 == 1);
            laneCentre.putIfAbsent(host.host(), y + HOST_BAR / 2);
            y += HOST_PITCH;
        }
        if (!report.vms().isEmpty()) {
            String title = hiddenVms == 0 ? "VMS" : "VMS (" + vms.size() + " OF " + report.vms().size() + ")";
            lanes.element("text", title, "class", "section", "x", "10", "y", num(y + 14));
            y += SECTION;
            stripe = 0;
            for (VmLane vm : vms) {
                vmLane(lanes, vm, y, stripe++ % 2 == 1);
                laneCentre.putIfAbsent(vm.vm(), y + VM_BAR / 2);
                y += VM_PITCH;
            }
        }
        double plotBottom = y + 2;
        double height = plotBottom + 26;

        long step = VirtualTime.axisStep(end, MAX_TICKS);
        Markup svg = new Markup();
        svg.open("svg", "class", "chart", "data-chart", "timeline", "role", "img",
                "viewBox", "0 0 " + num(WIDTH) + " " + num(height), "width", num(WIDTH), "height", num(height),
                "data-plot-x0", num(PLOT_X0), "data-plot-x1", num(PLOT_X1), "data-time-end", Long.toString(end),
                "data-expected-parts", Integer.toString(report.hosts().size() + vms.size()),
                "data-expected-segments", Integer.toString(segments),
                "data-expected-markers", Integer.toString(markers.size()),
                "aria-label", "Timeline of host states, VM placement and storage path over virtual time");
        svg.open("defs");
        svg.open("pattern", "id", "not-running", "width", "6", "height", "6", "patternUnits", "userSpaceOnUse",
                "patternTransform", "rotate(45)");
        svg.empty("rect", "width", "6", "height", "6", "fill", "#f3f4f6");
        svg.empty("line", "x1", "0", "y1", "0", "x2", "0", "y2", "6", "stroke", "#c4cad1", "stroke-width", "2.5");
        svg.close("pattern").close("defs");

        svg.open("g", "class", "axis");
        for (long t : VirtualTime.ticks(end, step)) {
            String tx = num(x(t));
            svg.empty("line", "class", "grid", "x1", tx, "x2", tx, "y1", num(plotTop), "y2", num(plotBottom));
            svg.element("text", VirtualTime.label(t), "x", tx, "y", "13", "text-anchor", "middle");
            svg.element("text", VirtualTime.label(t), "x", tx, "y", num(plotBottom + 15), "text-anchor", "middle");
        }
        svg.element("text", "virtual time", "x", "10", "y", "13");
        svg.close("g");

        svg.append(lanes);

        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            marker(svg, m, glyphTop + glyphRow[i] * GLYPH_ROW + GLYPH_ROW / 2, plotBottom, laneCentre.get(m.target()));
        }

        svg.open("g", "class", "cursor");
        svg.empty("line", "x1", "0", "x2", "0", "y1", num(plotTop), "y2", num(plotBottom));
        svg.element("text", "", "x", "0", "y", num(plotTop + 12));
        svg.close("g");
        svg.close("svg");
        return svg;
    }

    private void laneLabel(Markup m, String name, double y, double barHeight, String swatch) {
        m.open("g", "class", "label");
        m.element("title", name);
        if (swatch != null) {
            m.empty("rect", "x", "10", "y", num(y + barHeight / 2 - 5), "width", "10", "height", "10", "rx", "2",
                    "fill", swatch);
        }
        String shown = name.length() > LABEL_CHARS ? name.substring(0, LABEL_CHARS - 1) + "…" : name;
        m.element("text", shown, "x", "26", "y", num(y + barHeight / 2 + 4));
        m.close("g");
    }

    private void stripe(Markup m, double y, double pitch, boolean on) {
        if (on) {
            m.empty("rect", "x", "0", "y", num(y - 3), "width", num(WIDTH), "height", num(pitch), "fill",
                    Colours.LANE_STRIPE);
        }
        m.empty("rect", "x", num(PLOT_X0), "y", num(y), "width", num(PLOT_X1 - PLOT_X0), "height",
                num(pitch - 6), "fill", Colours.EMPTY_LANE);
    }

    private void hostLane(Markup m, HostLane host, double y, boolean stripe) {
        m.open("g", "data-part", "host", "data-name", host.host());
        stripe(m, y, HOST_PITCH, stripe);
        laneLabel(m, host.host(), y, HOST_BAR, hostColours.of(host.host()));
        for (Interval<String> iv : host.states()) {
            statesUsed.add(iv.value());
            String fill = Colours.hostState(iv.value());
            segment(m, iv, y, HOST_BAR, fill, null, iv.value(),
                    host.host() + " · the manager believed " + iv.value() + " · " + span(iv));
        }
        for (Interval<String> iv : host.truth()) {
            truthsUsed.add(iv.value());
            segment(m, iv, y + HOST_BAR + 2, TRUTH_BAR, Colours.hostTruth(iv.value()), null, "",
                    host.host() + " · in truth " + iv.value() + " · " + span(iv));
        }
        m.close("g");
    }

    private void vmLane(Markup m, VmLane vm, double y, boolean stripe) {
        m.open("g", "data-part", "vm", "data-name", vm.vm());
        stripe(m, y, VM_PITCH, stripe);
        laneLabel(m, vm.vm(), y, VM_BAR + 2 + PATH_BAR, null);
        for (Interval<String> iv : vm.placement()) {
            boolean running = !iv.value().equals(VmLane.NOT_RUNNING);
            notRunningUsed |= !running;
            String fill = running ? hostColours.of(iv.value()) : null;
            String tip = running ? vm.vm() + " runs on " + iv.value() : vm.vm() + " not running";
            segment(m, iv, y, VM_BAR, fill, running ? null : "url(#not-running)", running ? iv.value() : "",
                    tip + " · " + span(iv));
        }
        for (Interval<String> iv : vm.storagePath()) {
            boolean stalled = iv.value().equals(VmLane.STALLED);
            stalledUsed |= stalled;
            String fill = stalled ? Colours.STALLED : hostColours.of(iv.value());
            String tip = stalled ? vm.vm() + " I/O STALLED (no monitor answers)"
                    : vm.vm() + " I/O via the monitor on " + iv.value();
            segment(m, iv, y + VM_BAR + 2, PATH_BAR, fill, null, "", tip + " · " + span(iv));
        }
        m.close("g");
    }

    private void segment(Markup m, Interval<String> iv, double y, double h, String fill, String pattern, String label,
            String tooltip) {
        if (iv.lengthMillis() == 0) {
            return;
        }
        double x0 = x(iv.fromMillis());
        // A short interval (a 50 ms stall in an hour) still gets a visible sliver.
        double w = Math.max(1, x(iv.toMillis()) - x0);
        String paint = pattern != null ? pattern : fill;
        m.open("rect", "class", "seg", "x", num(x0), "y", num(y), "width", num(w), "height", num(h), "fill", paint,
                "rx", h > 6 ? "2" : null);
        m.element("title", tooltip);
        m.close("rect");
        segments++;
        if (!label.isEmpty() && w >= label.length() * 6.2 + 8 && fill != null) {
            m.element("text", label, "class", "inbar", "x", num(x0 + 4), "y", num(y + h / 2 + 3.5), "fill",
                    Colours.inkOn(fill));
        }
    }

    private static String span(Interval<?> iv) {
        return VirtualTime.label(iv.fromMillis()) + " → " + VirtualTime.label(iv.toMillis()) + " ("
                + VirtualTime.label(iv.lengthMillis()) + ")";
    }

    private void marker(Markup m, Marker marker, double glyphY, double plotBottom, Double targetY) {
        markerKindsUsed.add(marker.kind());
        String colour = Colours.marker(marker.kind());
        String mx = num(x(marker.atMillis()));
        m.open("g", "class", "marker", "data-marker", marker.kind().spelling());
        StringBuilder tip = new StringBuilder(VirtualTime.label(marker.atMillis())).append(" · ")
                .append(marker.kind().spelling());
        if (!marker.target().isEmpty()) {
            tip.append(" · ").append(marker.target());
        }
        if (!marker.text().isEmpty()) {
            tip.append(" — ").append(marker.text());
        }
        m.element("title", tip.toString());
        m.empty("line", "class", "hit", "x1", mx, "x2", mx, "y1", num(glyphY - 6), "y2", num(plotBottom));
        m.empty("line", "class", "mark", "x1", mx, "x2", mx, "y1", num(glyphY + 6), "y2", num(plotBottom),
                "stroke", colour, "stroke-width", marker.kind() == Marker.Kind.VIOLATION ? "2.2" : "1.3",
                "stroke-dasharray", dash(marker.kind()), "stroke-opacity", "0.8");
        if (targetY != null) {
            m.empty("circle", "cx", mx, "cy", num(targetY), "r", "3.5", "fill", colour, "stroke", "#ffffff",
                    "stroke-width", "1.2");
        }
        glyph(m, marker.kind(), x(marker.atMillis()), glyphY);
        m.close("g");
    }

    private static String dash(Marker.Kind kind) {
        return switch (kind) {
            case FAULT, FENCE, MIGRATION_START -> "5 3";
            case FAULT_END -> "2 3";
            case ALERT -> "2 2";
            case NOTE -> "1 3";
            case FENCE_CONFIRMED, MIGRATION_END, RESTART, VIOLATION -> null;
        };
    }

    /**
     * A marker's glyph: triangles for faults, squares for fences, circles for migrations and restarts, diamonds for
     * alerts and violations; hollow for a beginning, filled for its end.
     */
    static void glyph(Markup m, Marker.Kind kind, double cx, double cy) {
        String colour = Colours.marker(kind);
        boolean hollow = switch (kind) {
            case FAULT_END, FENCE, MIGRATION_START, NOTE -> true;
            default -> false;
        };
        String fill = hollow ? "#ffffff" : colour;
        String stroke = colour;
        switch (kind) {
            case FAULT, FAULT_END -> m.empty("path", "d", "M" + num(cx - 5) + " " + num(cy - 4) + "L" + num(cx + 5)
                    + " " + num(cy - 4) + "L" + num(cx) + " " + num(cy + 5) + "Z", "fill", fill, "stroke", stroke,
                    "stroke-width", "1.5", "stroke-linejoin", "round");
            case FENCE, FENCE_CONFIRMED -> m.empty("rect", "x", num(cx - 4.5), "y", num(cy - 4.5), "width", "9",
                    "height", "9", "fill", fill, "stroke", stroke, "stroke-width", "1.5");
            case MIGRATION_START, MIGRATION_END, RESTART, NOTE -> m.empty("circle", "cx", num(cx), "cy", num(cy), "r",
                    kind == Marker.Kind.NOTE ? "3.5" : "4.5", "fill", fill, "stroke", stroke, "stroke-width", "1.5");
            case ALERT, VIOLATION -> {
                double r = kind == Marker.Kind.VIOLATION ? 6.5 : 5.5;
                m.empty("path", "d", "M" + num(cx) + " " + num(cy - r) + "L" + num(cx + r) + " " + num(cy) + "L"
                        + num(cx) + " " + num(cy + r) + "L" + num(cx - r) + " " + num(cy) + "Z", "fill", fill,
                        "stroke", kind == Marker.Kind.VIOLATION ? "#ffffff" : stroke, "stroke-width", "1.2");
            }
        }
    }
}
