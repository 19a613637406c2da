/**
 * Host high availability (H-01 … H-10): an {@link io.cellharness.core.ha.HaHelper} per host (heartbeats through
 * libvirt and storage, neighbour checks), and the {@link io.cellharness.core.ha.HaManager} (the Mold role) with an
 * explicit state machine per host, two-channel fencing (power read back as off, or the storage lease expired),
 * recovery placement by restart priority, and the mass-failure guard. Decisions rest on evidence, never on silence:
 * only storage reads that completed count, and the lease is computed by both sides from the same evidence (the timing
 * argument is in {@link io.cellharness.core.ha.HaManager}'s class note). Runs unchanged on the simulator and on real
 * hosts: it sees the world only through the ports, on one thread. The manager's role is {@link
 * io.cellharness.core.ha.HaEngine}; {@code ha.policy.HaEngines} builds it for the chosen
 * {@link io.cellharness.core.ha.HaPolicy}: the Cell policy ({@code HaManager}) or CloudStack KVM Host HA
 * ({@code ha.cloudstack}), from the same ports. Depends on model, limits, capacity, cpu, mac, migration, network,
 * provision and port.
 */
package io.cellharness.core.ha;
