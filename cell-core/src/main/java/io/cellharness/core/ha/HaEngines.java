package io.cellharness.core.ha;

import io.cellharness.core.ha.cloudstack.CloudStackHaSettings;
import io.cellharness.core.ha.cloudstack.CloudStackHostHa;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.port.Clock;
import io.cellharness.core.port.FenceDrivers;
import io.cellharness.core.port.Hypervisors;
import io.cellharness.core.port.PeerChannel;
import io.cellharness.core.port.RandomSource;
import io.cellharness.core.port.Scheduler;
import io.cellharness.core.port.StorageHeartbeats;

/**
 * Builds the manager's HA engine for a policy, from the same ports whichever it is: the policy is the engine's
 * choice, the world it runs in (simulated or real) does not change.
 */
public final class HaEngines {

    private HaEngines() {
    }

    /** The ports and settings every policy is built from. */
    public record Ports(String node, ClusterSpec cluster, Scheduler scheduler, Clock clock, Hypervisors hypervisors,
                        FenceDrivers fenceDrivers, StorageHeartbeats storage, PeerChannel peers, HaObserver observer,
                        RandomSource random) {
    }

    /**
     * @param cell       the Cell policy's settings (also the helpers' on the hosts, whatever the manager's policy)
     * @param cloudStack the CloudStack policy's settings
     */
    public static HaEngine create(HaPolicy policy, Ports p, HaSettings cell, CloudStackHaSettings cloudStack) {
        return switch (policy) {
            case CELL -> new CellHaEngine(new HaManager(p.node(), p.cluster(), p.scheduler(), p.clock(),
                    p.hypervisors(), p.fenceDrivers(), p.storage(), p.peers(), cell, p.observer(), p.random()));
            case CLOUDSTACK -> new CloudStackHostHa(p, cloudStack);
        };
    }
}
