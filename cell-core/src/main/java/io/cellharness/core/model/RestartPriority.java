package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** H-04/H-08: the order in which HA VMs of a failed host are restarted elsewhere. */
public enum RestartPriority implements Vocabulary {
    HIGH("high"),
    MEDIUM("medium"),
    LOW("low");

    private final String yamlName;

    RestartPriority(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static RestartPriority fromYaml(String text) {
        return Vocabulary.parse(RestartPriority.class, text, "restart priority");
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
