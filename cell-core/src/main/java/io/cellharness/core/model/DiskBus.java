package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The bus a disk reaches the guest on (P-02 orders virtio-blk, then virtio-scsi; IDE is not recommended). */
public enum DiskBus implements Vocabulary {
    VIRTIO_BLK("virtio-blk"),
    VIRTIO_SCSI("virtio-scsi"),
    IDE("ide");

    private final String yamlName;

    DiskBus(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static DiskBus fromYaml(String text) {
        return Vocabulary.parse(DiskBus.class, text, "disk bus");
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
