package io.cellharness.core.storage;

/**
 * The image format of a VM disk. S-02: every disk reaches the VM as a RAW block device, so RAW is the only format
 * there is; qcow2 and friends are deliberately not offered.
 */
public enum DiskFormat {
    RAW("raw");

    private final String name;

    DiskFormat(String name) {
        this.name = name;
    }

    /** The format's name as QEMU and libvirt spell it ({@code <driver type='raw'/>}). */
    public String formatName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
