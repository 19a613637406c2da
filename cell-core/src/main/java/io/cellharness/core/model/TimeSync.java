package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** T-01: how the guest keeps time beyond kvm-clock; a VM without one is warned to use NTP. */
public enum TimeSync implements Vocabulary {
    NTP("ntp"),
    CHRONY("chrony"),
    PTP("ptp"),
    NONE("none");

    private final String yamlName;

    TimeSync(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static TimeSync fromYaml(String text) {
        return Vocabulary.parse(TimeSync.class, text, "time sync");
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
