package io.cellharness.sim.world;

/** The simulated networks. */
public enum Net {
    /** Management (br-MGMT): helpers, manager, remote libvirt, migration (G-02). */
    MGMT,
    /** Storage (br-PN): hosts and manager to Glue monitors, storage heartbeats. */
    STORAGE,
    /** Out-of-band: the manager to the BMCs. */
    BMC
}
