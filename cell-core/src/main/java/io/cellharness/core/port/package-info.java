/**
 * The narrow ports through which the engine reaches the world: time ({@link io.cellharness.core.port.Clock},
 * {@link io.cellharness.core.port.Scheduler}), randomness ({@link io.cellharness.core.port.RandomSource}), hosts'
 * hypervisors, BMCs, storage, peers and networks. Named for the role; implementations are named for the world
 * ({@code SimHypervisor}, {@code LibvirtHypervisor}).
 *
 * <p>Contract shared by every asynchronous port: an operation that can time out completes with an
 * {@link io.cellharness.core.port.OpResult} — ok, failed or unknown (a timeout is not a failure, Jepsen) — and the
 * completion is delivered on the engine's scheduler thread, so engine code is single-threaded in every backend.
 */
package io.cellharness.core.port;
