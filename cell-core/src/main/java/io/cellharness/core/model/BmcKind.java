package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a host's BMC is reached for fencing (H-04). */
public enum BmcKind implements Vocabulary {
    IPMI("ipmi"),
    REDFISH("redfish");

    private final String yamlName;

    BmcKind(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static BmcKind fromYaml(String text) {
        return Vocabulary.parse(BmcKind.class, text, "BMC kind");
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
