package io.cellharness.core.advice;

/** The device classes of the documented performance table (P-01). */
public enum DeviceClass {
    CPU("CPU/MMU"),
    NETWORK("network I/O"),
    DISK("disk I/O"),
    GRAPHICS("graphics (unaccelerated)");

    private final String label;

    DeviceClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
