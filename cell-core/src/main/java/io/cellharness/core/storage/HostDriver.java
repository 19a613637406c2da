package io.cellharness.core.storage;

/** The host-side driver that makes a SAN or software-defined volume appear as a block device on the host. */
public enum HostDriver {
    /** FC/HBA SAN, HP Primera, Pure FlashArray: SCSI LUNs through device-mapper multipath. */
    MULTIPATH("dm-multipath"),
    /** Dell PowerFlex: the SDC kernel driver maps the volume. */
    POWERFLEX_SDC("PowerFlex SDC"),
    /** LINBIT Linstor: the LINSTOR satellite brings up the DRBD resource. */
    DRBD("DRBD"),
    /** NVMe over Fabrics: the kernel's native NVMe multipath, after the host connects to the subsystem. */
    NVME_MULTIPATH("native NVMe multipath"),
    /** A disk of the host itself (the OS area Cell manages, S-03). */
    HOST_DISK("host disk");

    private final String label;

    HostDriver(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
