/**
 * The fault library: small named blocks, each with a start and, where it makes sense, an end (host crash, power
 * loss, reboot, libvirtd hang, management and storage partitions, storage controller down, monitor flapping, BMC
 * unreachable or losing commands, bond slave or NIC down, a switch without LACP, lossy links, guest memory exhaustion).
 * A {@link io.cellharness.sim.fault.FaultSchedule} applies them at virtual times; scenario files and the random mode
 * both produce schedules.
 */
package io.cellharness.sim.fault;
