package io.cellharness.sim.ha;

import io.cellharness.core.ha.HaEngine;
import io.cellharness.core.ha.HaHelper;
import io.cellharness.core.ha.HaPolicy;
import io.cellharness.core.ha.HaPorts;
import io.cellharness.core.ha.policy.HaEngines;
import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.ha.cloudstack.CloudStackHaSettings;
import io.cellharness.core.ha.Ring;
import io.cellharness.sim.world.ProcessScope;
import io.cellharness.sim.world.SimCluster;
import io.cellharness.sim.world.SimHost;
import java.util.TreeMap;

/**
 * Runs the core's HA engine on a simulated cluster: the manager on the manager's node from the start, and a helper on
 * every host whenever it is up (started again after every boot, as the Cell HA helper daemon would be). The engine
 * is the production code; only its ports are simulated. The manager runs the HA policy the run asks for
 * ({@link HaPolicy}); the hosts, their helpers and the rest of the world are the same whichever it is.
 */
public final class SimHa {

    private final SimCluster cluster;
    private final HaSettings settings;
    private final HaEvents events;
    private final RecoveryClock recoveryClock;
    private final Ring ring;
    private final TreeMap<String, HaHelper> helpers = new TreeMap<>();
    private HaEngine manager;

    private SimHa(SimCluster cluster, HaSettings settings) {
        this.cluster = cluster;
        this.settings = settings;
        this.events = new HaEvents(cluster);
        this.recoveryClock = new RecoveryClock(cluster);
        this.ring = new Ring(cluster.hostNames(), settings.neighbours());
    }

    /** Installs the HA engine and its invariants on {@code cluster}; call before the run starts. */
    public static SimHa install(SimCluster cluster, HaSettings settings) {
        return install(cluster, settings, HaPolicy.CELL, CloudStackHaSettings.DEFAULTS);
    }

    /** Installs the HA engine running {@code policy} and the invariants on {@code cluster}; call before the run starts. */
    public static SimHa install(SimCluster cluster, HaSettings settings, HaPolicy policy, CloudStackHaSettings cloudStack) {
        SimHa ha = new SimHa(cluster, settings);
        HaInvariants.register(cluster, ha.events, settings);
        ProcessScope scope = cluster.managerProcess("ha-manager");
        ha.manager = HaEngines.create(policy, new HaPorts(SimCluster.MANAGER, cluster.describedSpec(), scope,
                cluster.sim(), cluster.hypervisors(scope), cluster.fenceDrivers(scope), cluster.storageHeartbeats(scope),
                cluster.peerChannel(scope), ha.events, cluster.sim().random("ha-manager")), settings, cloudStack);
        ha.manager.start();
        for (SimHost host : cluster.hosts()) {
            if (host.up()) {
                ha.startHelper(host);
            }
        }
        cluster.onHostBoot(ha::startHelper);
        cluster.onHostDown((host, lost) -> ha.helpers.remove(host.name()));
        return ha;
    }

    private void startHelper(SimHost host) {
        ProcessScope scope = host.startProcess("ha-helper");
        HaHelper helper = new HaHelper(host.name(), SimCluster.MANAGER, ring, scope, cluster.sim(),
                cluster.hypervisors(scope).of(host.name()), cluster.storageHeartbeats(scope), cluster.peerChannel(scope),
                cluster.watchdog(host.name()), settings);
        helpers.put(host.name(), helper);
        host.armWatchdog();
        helper.start();
    }

    public HaEngine manager() {
        return manager;
    }

    public HaEvents events() {
        return events;
    }

    public RecoveryClock recoveryClock() {
        return recoveryClock;
    }

    public HaSettings settings() {
        return settings;
    }
}
