package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The guest NIC model (P-01: e1000 emulation, virtio-net, passthrough). */
public enum NicModel implements Vocabulary {
    VIRTIO("virtio"),
    E1000("e1000"),
    PASSTHROUGH("passthrough");

    private final String yamlName;

    NicModel(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static NicModel fromYaml(String text) {
        return Vocabulary.parse(NicModel.class, text, "NIC model");
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
