package io.cellharness.core.port;

/** A domain's state, as libvirt's {@code virDomainState} names it. */
public enum DomainState {
    NO_STATE,
    RUNNING,
    BLOCKED,
    PAUSED,
    SHUTDOWN,
    SHUTOFF,
    CRASHED,
    PMSUSPENDED;

    /** Whether the guest occupies the host (its memory is resident and it may run again without a start). */
    public boolean isActive() {
        return this == RUNNING || this == BLOCKED || this == PAUSED || this == PMSUSPENDED || this == SHUTDOWN;
    }
}
