package io.cellharness.core.advice;

/** The columns of the documented performance table (P-01). */
public enum Virtualization {
    FULL_EMULATION("full emulation"),
    PARAVIRTUAL("paravirtual"),
    PASSTHROUGH("host passthrough");

    private final String label;

    Virtualization(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
