/**
 * Simulation scenarios: the scenario file (cluster, fault schedule, duration, expectations), the random mode that
 * draws a whole fault profile from the seed, and the runner that plays one seed end to end (faults, healing, a quiet
 * period, liveness) and returns its outcome with the one line that replays it.
 */
package io.cellharness.sim.scenario;
