package io.cellharness.core.port;

/**
 * A host's hardware watchdog (as sanlock's wdmd arms it): unless petted within its timeout, it resets the host. The HA
 * helper pets it while the host is in contact with storage or with the manager, so a host cut off from both stops its
 * VMs before the manager may declare its lease expired (H-06).
 */
public interface Watchdog {

    /** Postpones the reset by the watchdog's timeout. */
    void pet();
}
