package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The CPU vendor of a host; P-01 distinguishes Intel/AMD from ARM. */
public enum CpuVendor implements Vocabulary {
    INTEL("intel"),
    AMD("amd"),
    ARM("arm");

    private final String yamlName;

    CpuVendor(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static CpuVendor fromYaml(String text) {
        return Vocabulary.parse(CpuVendor.class, text, "CPU vendor");
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
