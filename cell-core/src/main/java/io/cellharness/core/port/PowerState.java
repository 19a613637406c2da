package io.cellharness.core.port;

/** A host's chassis power as its BMC reports it. */
public enum PowerState {
    ON,
    OFF
}
