/**
 * The simulated world: hosts with their libvirt, BMCs, management/storage/BMC networks, the Glue storage with a
 * monitor per HCI host, and the port implementations the engine uses ({@code SimHypervisor}, {@code SimBmc},
 * {@code SimStorage}, {@code SimPeerChannel}). Everything runs on the {@link io.cellharness.sim.Simulation} kernel:
 * operations take virtual time drawn from seeded streams, and faults change what is reachable or alive.
 */
package io.cellharness.sim.world;
