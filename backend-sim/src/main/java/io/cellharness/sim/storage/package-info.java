/**
 * The core's Glue monitor path selector (S-04 … S-09) running on the simulator: probes travel the simulated storage
 * network, every running VM with a Glue disk writes continuously, a VM whose host has no monitor path is paused on
 * I/O and resumed when one answers, and the counters show each VM's stall time and that no write is lost.
 */
package io.cellharness.sim.storage;
