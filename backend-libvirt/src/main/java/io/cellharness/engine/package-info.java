/**
 * The engine on real time (the production counterpart of the simulator's kernel, as FoundationDB's {@code Net2} is to
 * {@code Sim2}): {@link io.cellharness.engine.EngineLoop}, one thread that is the engine's {@code Clock} and
 * {@code Scheduler} on the monotonic clock and on which every completion is delivered, and
 * {@link io.cellharness.engine.BlockingPool}, the bounded pools where blocking calls (libvirt, librados, ipmitool,
 * HTTP, files) run before their results are posted back to the loop.
 *
 * <p>May depend on cell-core's ports and the JDK. Nothing in cell-core depends on this package.
 */
package io.cellharness.engine;
