/**
 * Maps simulator runs onto the report pages: a recorded {@link io.cellharness.sim.scenario.SimTimeline} and its
 * outcome to a failover case report, sweep outcomes to a sweep summary. Depends on backend-sim and the page packages.
 */
package io.cellharness.reports.sim;
