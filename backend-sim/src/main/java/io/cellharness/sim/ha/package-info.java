/**
 * The core's HA engine running on the simulator: a helper process on every booted host, the manager on the
 * manager's node, an observer that traces every HA decision, and the HA invariants checked against the simulator's
 * ground truth (a VM never runs twice; fences and lease expiries are true when declared; a host alive on storage is
 * never fenced; a failed migration leaves the VM on its source; HA VMs run again once the cluster is healthy). It also
 * measures recovery times.
 */
package io.cellharness.sim.ha;
