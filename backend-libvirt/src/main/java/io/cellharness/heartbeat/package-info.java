/**
 * The storage heartbeat on real storage (H-06's second channel, R-03): the engine's {@code StorageHeartbeats} port as
 * a lease file per host on NFS or any shared filesystem ({@link io.cellharness.heartbeat.LeaseFileHeartbeats}). Every
 * call runs on a bounded blocking pool with a time bound, so a hung mount makes the call unknown instead of stopping
 * the engine; results are delivered on the engine.
 *
 * <p>May depend on cell-core's ports, {@code io.cellharness.engine} and the JDK.
 */
package io.cellharness.heartbeat;
