package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** N-06: the documented bond modes; active-backup is the default. */
public enum BondMode implements Vocabulary {
    ROUND_ROBIN("round-robin"),
    ACTIVE_BACKUP("active-backup"),
    BALANCE_XOR("balance-xor"),
    BROADCAST("broadcast"),
    LACP("802.3ad");

    private final String yamlName;

    BondMode(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static BondMode fromYaml(String text) {
        return Vocabulary.parse(BondMode.class, text, "bond mode");
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
