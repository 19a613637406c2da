/**
 * The simulation kernel: one thread, one event queue ordered by (virtual time, sequence number), a clock that jumps
 * to the next event, seeded randomness split per subsystem, the canonical trace and the invariant registry checked
 * after every event. Implements the core's {@link io.cellharness.core.port.Clock} and
 * {@link io.cellharness.core.port.Scheduler}. Sub-packages build the simulated world on top of it.
 */
package io.cellharness.sim;
