package io.cellharness.features.backend;

import java.util.List;
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

    /**
     * A backend for one scenario: a fresh simulation, or this JVM's libvirt hosts (the daemons named by
     * {@code cell.libvirt.uri}, else two local daemons started once).
     *
     * @throws BackendUnavailableException (one line) when libvirt cannot be used here
     */
    public static ScenarioBackend open() {
        return switch (selected()) {
            case "sim" -> new SimScenarioBackend(1);
            default -> LibvirtScenarioBackend.open();
        };
    }

    /**
     * Makes sure {@code backend} can run here before any scenario does: for libvirt, opens (or starts) the daemons.
     *
     * @return one line per host the scenarios will run on (none for the simulator, which is built per scenario)
     * @throws BackendUnavailableException (one line) when it cannot
     */
    public static List<String> require(String backend) {
        return backend.equals("libvirt") ? LibvirtScenarioBackend.requireHosts() : List.of();
    }
}
