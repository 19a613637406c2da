package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cellharness.core.limits.Limits;

/**
 * L-07: memory and disk overcommit factors of a cluster. A factor of 1 (the default) means overcommit is off; a
 * factor of 1.5 lets the VMs placed on a host be given 1.5 × its memory. CPU overcommit needs no setting: it is
 * bounded by L-05 and reported as a warning.
 */
public record Overcommit(
        @JsonProperty("memory") double memory,
        @JsonProperty("disk") double disk) {

    public static final Overcommit OFF = new Overcommit(Limits.OVERCOMMIT_OFF, Limits.OVERCOMMIT_OFF);

    public Overcommit {
        memory = memory == 0 ? Limits.OVERCOMMIT_OFF : memory;
        disk = disk == 0 ? Limits.OVERCOMMIT_OFF : disk;
        if (memory < Limits.OVERCOMMIT_OFF || disk < Limits.OVERCOMMIT_OFF) {
            throw new IllegalArgumentException("an overcommit factor is at least 1 (1 means off)");
        }
    }

    public boolean memoryEnabled() {
        return memory > Limits.OVERCOMMIT_OFF;
    }

    public boolean diskEnabled() {
        return disk > Limits.OVERCOMMIT_OFF;
    }
}
