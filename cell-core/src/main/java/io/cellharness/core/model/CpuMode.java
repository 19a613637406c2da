package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * C-01: the three CPU virtualisation modes; host-model is the default (C-03). The documentation writes host-model as
 * {@value #DOCUMENTATION_HOST_MODEL}; that spelling is read as host-model, and a reader that can warn says so.
 */
public enum CpuMode implements Vocabulary {
    CUSTOM("custom"),
    HOST_MODEL("host-model"),
    HOST_PASSTHROUGH("host-passthrough");

    /** C-01: how the documentation spells host-model ("custom, host-mode, host-passthrough"). */
    public static final String DOCUMENTATION_HOST_MODEL = "host-mode";

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
        if (isDocumentationSpelling(text)) {
            return HOST_MODEL;
        }
        return Vocabulary.parse(CpuMode.class, text, "CPU mode");
    }

    /** C-01: whether {@code text} is the documentation's spelling of host-model rather than the canonical one. */
    public static boolean isDocumentationSpelling(String text) {
        return text != null && text.trim().equalsIgnoreCase(DOCUMENTATION_HOST_MODEL);
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
