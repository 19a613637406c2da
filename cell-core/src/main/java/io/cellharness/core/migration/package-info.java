/**
 * Live migration (G-01 … G-04): a pre-copy model that predicts duration, downtime, passes and bytes of a migration
 * over the management network ({@link io.cellharness.core.migration.PreCopyModel}), and the planner that first checks
 * CPU eligibility, capacity and the management network and refuses before anything is copied
 * ({@link io.cellharness.core.migration.MigrationPlanner}).
 *
 * <p>Pure engine logic: depends on {@code model}, {@code limits}, {@code cpu}, {@code capacity}, {@code network} and
 * the {@code port} records it fills ({@link io.cellharness.core.port.MigrationRequest}); no clock, no randomness.
 */
package io.cellharness.core.migration;
