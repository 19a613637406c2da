package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * S-01: the supported storage types. Users describe a disk by storage type and volume, never by libvirt XML;
 * any other type is rejected when the specification is read.
 */
public enum StorageType implements Vocabulary {
    ISCSI("iscsi", "standard iSCSI fabric", true),
    NVME_OF("nvme-of", "NVMe over Fabrics", true),
    NFS("nfs", "NFS network storage", true),
    SMB("smb", "SMB network storage", true),
    FC("fc", "FC/HBA SAN", true),
    POWERFLEX("powerflex", "Dell PowerFlex", true),
    PRIMERA("primera", "HP Primera", true),
    PURE("pure", "Pure FlashArray", true),
    LINSTOR("linstor", "LINBIT Linstor", true),
    GLUE_RBD("glue-rbd", "Glue (Ceph RBD)", true),
    /** The host's OS-area disk that Cell itself controls (HCI architecture); not shared, so migration copies it. */
    LOCAL("local", "host-local disk (OS area)", false);

    private final String yamlName;
    private final String label;
    private final boolean shared;

    StorageType(String yamlName, String label, boolean shared) {
        this.yamlName = yamlName;
        this.label = label;
        this.shared = shared;
    }

    @Override
    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    /** The product name of this storage, for messages. */
    public String label() {
        return label;
    }

    /** Whether every host of the cluster reaches the same volume (G-01: no disk copy on migration). */
    public boolean shared() {
        return shared;
    }

    @JsonCreator
    public static StorageType fromYaml(String text) {
        return Vocabulary.parse(StorageType.class, text, "storage type (S-01)");
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
