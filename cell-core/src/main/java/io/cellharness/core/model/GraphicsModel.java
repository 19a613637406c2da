package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The guest display device (P-01: Cirrus, virtio-gpu, passthrough), or none. */
public enum GraphicsModel implements Vocabulary {
    NONE("none"),
    CIRRUS("cirrus"),
    VIRTIO_GPU("virtio-gpu"),
    PASSTHROUGH("passthrough");

    private final String yamlName;

    GraphicsModel(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static GraphicsModel fromYaml(String text) {
        return Vocabulary.parse(GraphicsModel.class, text, "graphics model");
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
