package io.cellharness.core.ha;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.port.Clock;
import io.cellharness.core.port.FenceDrivers;
import io.cellharness.core.port.Hypervisors;
import io.cellharness.core.port.PeerChannel;
import io.cellharness.core.port.RandomSource;
import io.cellharness.core.port.Scheduler;
import io.cellharness.core.port.StorageHeartbeats;

/**
 * The ports and the observer every HA policy's manager is built from: the same whichever policy runs, so the policy
 * is the engine's choice and never the world's.
 */
public record HaPorts(String node, ClusterSpec cluster, Scheduler scheduler, Clock clock, Hypervisors hypervisors,
                      FenceDrivers fenceDrivers, StorageHeartbeats storage, PeerChannel peers, HaObserver observer,
                      RandomSource random) {
}
