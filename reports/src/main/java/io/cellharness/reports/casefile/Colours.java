package io.cellharness.reports.casefile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The colours of the timeline. Host states run from green (up) through yellow and orange (suspected, checked, being
 * fenced) to red-brown (fenced) and grey (down); red is kept for what is wrong: a stalled storage path and violations.
 * Hosts get categorical colours that a VM lane reuses for "runs on this host".
 */
final class Colours {

    /** The documented and usual host HA states, in the order a legend lists them. */
    static final Map<String, String> HOST_STATES = hostStates();

    /** Hosts, in order: distinct hues without pure red or green, which mean stalled and up elsewhere. */
    static final List<String> HOSTS = List.of(
            "#4e79a7", "#f28e2b", "#76b7b2", "#b07aa1", "#9c755f", "#edc948", "#ff9da7", "#59a14f",
            "#8cd17d", "#499894", "#d4a6c8", "#86bcb6", "#a0cbe8", "#ffbe7d", "#bab0ac", "#79706e");

    /** For state names this page does not know: stable per name, none of them green, red or grey. */
    private static final List<String> OTHER_STATES = List.of(
            "#a0cbe8", "#d4a6c8", "#9d7660", "#86bcb6", "#e6b8d8", "#b6992d", "#7b8ec8", "#c7a27c");

    static final String STALLED = "#d62728";
    static final String EMPTY_LANE = "#f6f8fa";
    static final String LANE_STRIPE = "#fbfcfd";

    private Colours() {
    }

    private static Map<String, String> hostStates() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("UP", "#2f9e5b");
        m.put("SUSPECT", "#f2cf4a");
        m.put("CHECKING", "#f0a23b");
        m.put("ISOLATED", "#8e6cc9");
        m.put("FENCING", "#e5623a");
        m.put("FENCED", "#8f2d1f");
        m.put("RECOVERING", "#4a90d9");
        m.put("DOWN", "#5f6770");
        m.put("MAINTENANCE", "#94a3b8");
        m.put("UNKNOWN", "#c9ced6");
        return m;
    }

    /** A host's ground truth (the thin strip under its lane): what the simulator knows, not what the manager believed. */
    static final Map<String, String> HOST_TRUTH = hostTruthColours();

    private static Map<String, String> hostTruthColours() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("running", "#9fd8b0");
        m.put("booting", "#a0cbe8");
        m.put("reset by its watchdog", "#7b4fc9");
        m.put("crashed", "#d62728");
        m.put("powered off", "#3b3f45");
        return m;
    }

    static String hostTruth(String truth) {
        String known = HOST_TRUTH.get(truth.toLowerCase(Locale.ROOT));
        return known != null ? known : OTHER_STATES.get(Math.floorMod(truth.hashCode(), OTHER_STATES.size()));
    }

    /** The colour of a host state: fixed for the known names (any case), stable for any other. */
    static String hostState(String state) {
        String known = HOST_STATES.get(state.toUpperCase(Locale.ROOT));
        return known != null ? known : OTHER_STATES.get(Math.floorMod(state.hashCode(), OTHER_STATES.size()));
    }

    static String marker(Marker.Kind kind) {
        return switch (kind) {
            case FAULT, FAULT_END -> "#d62728";
            case FENCE, FENCE_CONFIRMED -> "#d9620c";
            case MIGRATION_START, MIGRATION_END -> "#1f6fb8";
            case RESTART -> "#1a7f37";
            case ALERT -> "#b7870b";
            case VIOLATION -> "#8b0021";
            case NOTE -> "#6e7781";
        };
    }

    /** Dark or white text, whichever reads better on {@code fill} ({@code #rrggbb}). */
    static String inkOn(String fill) {
        int rgb = Integer.parseInt(fill.substring(1), 16);
        double luminance = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
        return luminance > 150 ? "#1f2328" : "#ffffff";
    }

    /** Colours per host name, handed out in the order hosts are first seen. */
    static final class HostColours {
        private final Map<String, String> assigned = new LinkedHashMap<>();

        String of(String host) {
            return assigned.computeIfAbsent(host, h -> HOSTS.get(assigned.size() % HOSTS.size()));
        }

        Map<String, String> assigned() {
            return assigned;
        }
    }
}
