package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** C-01: the three CPU virtualisation modes; host-model is the default (C-03). */
public enum CpuMode implements Vocabulary {
    CUSTOM("custom"),
    HOST_MODEL("host-model"),
    HOST_PASSTHROUGH("host-passthrough");

    private final String yamlName;

    CpuMode(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static CpuMode fromYaml(String text) {
        return Vocabulary.parse(CpuMode.class, text, "CPU mode");
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
