package io.cellharness.perf.report;

import org.libvirt.Connect;

/**
 * Whether libvirt can be loaded and its test driver opened here, for {@code perf/run} to decide whether the libvirt
 * benchmark runs. Prints one line, {@code available: libvirt <version>} or {@code unavailable: <why>}; exits 0 or 1.
 */
public final class LibvirtProbe {

    private LibvirtProbe() {
    }

    public static void main(String[] args) {
        String line = probe();
        System.out.println(line);
        System.exit(line.startsWith("available") ? 0 : 1);
    }

    /** The one-line answer. */
    static String probe() {
        try {
            Connect connect = new Connect("test:///default");
            try {
                long v = connect.getLibVersion();
                return "available: libvirt " + v / 1_000_000 + "." + v / 1_000 % 1_000 + "." + v % 1_000
                        + " (test driver)";
            } finally {
                connect.close();
            }
        } catch (Exception | LinkageError e) {
            // LinkageError: JNA cannot find libvirt.so.0 at all.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return "unavailable: " + why.replace('\n', ' ');
        }
    }
}
