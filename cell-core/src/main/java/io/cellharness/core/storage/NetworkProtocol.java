package io.cellharness.core.storage;

/** The protocols by which QEMU itself opens a network volume (libvirt {@code <source protocol=…>}). */
public enum NetworkProtocol {
    /** iSCSI, through QEMU's own initiator (libiscsi). */
    ISCSI("iscsi"),
    /** NFS, through QEMU's own client (libnfs). */
    NFS("nfs"),
    /** Glue (Ceph RBD), through Cell's librbd. */
    RBD("rbd");

    private final String protocolName;

    NetworkProtocol(String protocolName) {
        this.protocolName = protocolName;
    }

    /** The protocol as libvirt and QEMU spell it. */
    public String protocolName() {
        return protocolName;
    }

    @Override
    public String toString() {
        return protocolName;
    }
}
