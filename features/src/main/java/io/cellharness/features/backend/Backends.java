package io.cellharness.features.backend;

import java.util.Locale;

/** Which backend the scenarios run on: {@code cell.backend} ({@code sim} by default, or {@code libvirt}). */
public final class Backends {

    /** The system property (or Cucumber configuration parameter) that names the backend. */
    public static final String PROPERTY = "cell.backend";

    private Backends() {
    }

    public static String selected() {
        String name = System.getProperty(PROPERTY, "sim").trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return "sim";
        }
        if (!name.equals("sim") && !name.equals("libvirt")) {
            throw new IllegalArgumentException(PROPERTY + " must be sim or libvirt, not '" + name + "'");
        }
        return name;
    }

    /** A backend for one scenario. */
    public static ScenarioBackend open() {
        return switch (selected()) {
            case "sim" -> new SimScenarioBackend(1);
            default -> throw new UnsupportedOperationException("the libvirt scenario backend is not wired yet");
        };
    }
}
