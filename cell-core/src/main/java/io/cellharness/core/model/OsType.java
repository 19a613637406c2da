package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The guest operating system family (P-03 treats Windows specially). */
public enum OsType implements Vocabulary {
    LINUX("linux"),
    WINDOWS("windows");

    private final String yamlName;

    OsType(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static OsType fromYaml(String text) {
        return Vocabulary.parse(OsType.class, text, "OS type");
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
