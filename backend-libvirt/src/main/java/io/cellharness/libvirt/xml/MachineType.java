package io.cellharness.libvirt.xml;

import io.cellharness.core.limits.Limits;

/**
 * The QEMU machine family. i440fx is the only one with IDE (L-04) and runs at most {@link Limits#I440FX_MAX_VCPUS}
 * vCPUs; q35 with an interrupt-remapping IOMMU runs up to {@link Limits#VM_MAX_VCPUS} (L-02).
 */
public enum MachineType {
    I440FX("pc"),
    Q35("q35");

    private final String xmlName;

    MachineType(String xmlName) {
        this.xmlName = xmlName;
    }

    /** The alias libvirt expands to the newest versioned machine, e.g. {@code pc} to {@code pc-i440fx-7.2}. */
    public String xmlName() {
        return xmlName;
    }

    /** Reads an alias or a versioned machine name ({@code pc-i440fx-7.2}, {@code pc-q35-7.2}). */
    public static MachineType fromXml(String text) {
        if (text == null || text.equals("pc") || text.startsWith("pc-i440fx")) {
            return I440FX;
        }
        if (text.equals("q35") || text.startsWith("pc-q35")) {
            return Q35;
        }
        throw new IllegalArgumentException("machine '" + text + "' is neither i440fx (pc) nor q35");
    }
}
