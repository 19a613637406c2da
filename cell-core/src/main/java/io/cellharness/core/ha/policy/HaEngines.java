package io.cellharness.core.ha.policy;

import io.cellharness.core.ha.CellHaEngine;
import io.cellharness.core.ha.HaEngine;
import io.cellharness.core.ha.HaManager;
import io.cellharness.core.ha.HaPolicy;
import io.cellharness.core.ha.HaPorts;
import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.ha.cloudstack.CloudStackHaSettings;
import io.cellharness.core.ha.cloudstack.CloudStackHostHa;

/**
 * Builds the manager's HA engine for a policy, from the same ports whichever it is: the policy is the engine's
 * choice, the world it runs in (simulated or real) does not change.
 */
public final class HaEngines {

    private HaEngines() {
    }

    /**
     * @param cell       the Cell policy's settings (also the helpers' on the hosts, whatever the manager's policy)
     * @param cloudStack the CloudStack policy's settings
     */
    public static HaEngine create(HaPolicy policy, HaPorts p, HaSettings cell, CloudStackHaSettings cloudStack) {
        return switch (policy) {
            case CELL -> new CellHaEngine(new HaManager(p.node(), p.cluster(), p.scheduler(), p.clock(),
                    p.hypervisors(), p.fenceDrivers(), p.storage(), p.peers(), cell, p.observer(), p.random()));
            case CLOUDSTACK -> new CloudStackHostHa(p, cloudStack);
        };
    }
}
