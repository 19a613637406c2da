package io.cellharness.sim.ha;

import io.cellharness.core.ha.FenceChannel;
import io.cellharness.core.ha.HaObserver;
import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.ha.HostHaState;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.PowerState;
import io.cellharness.sim.LivenessCheck;
import io.cellharness.sim.SafetyInvariant;
import io.cellharness.sim.world.SimCluster;
import io.cellharness.sim.world.SimHost;
import io.cellharness.sim.world.VmLedger;
import java.util.ArrayList;
import java.util.List;

/**
 * The HA invariants, checked against the simulator's ground truth. Each keeps its own state from listeners so that
 * the check after every event is a field read.
 */
public final class HaInvariants {

    private HaInvariants() {
    }

    /** Registers every HA invariant with the cluster's simulation. */
    public static void register(SimCluster cluster, HaEvents events, HaSettings settings) {
        VmRunsOnce once = new VmRunsOnce(cluster.ledger());
        cluster.ledger().addListener(once);
        cluster.sim().invariants().register(once);

        FencesAreTrue fences = new FencesAreTrue(cluster);
        events.addListener(fences);
        cluster.sim().invariants().register(fences);

        LeaseExpiryIsTrue lease = new LeaseExpiryIsTrue(cluster, settings.leaseTimeoutMillis());
        events.addListener(lease);
        cluster.sim().invariants().register(lease);

        NoFenceWhileAliveOnStorage storage = new NoFenceWhileAliveOnStorage(cluster,
                settings.storageCheckWindowMillis() + settings.heartbeatPeriodMillis());
        events.addListener(storage);
        cluster.sim().invariants().register(storage);

        FailedMigrationKeepsTheSource migrations = new FailedMigrationKeepsTheSource(cluster);
        cluster.onMigration(migrations);
        cluster.sim().invariants().register(migrations);

        cluster.sim().invariants().register(new HaVmsRunAgain(cluster));
    }

    /** Base for invariants that remember the first problem they saw. */
    abstract static class Remembering implements SafetyInvariant {
        private String problem;

        void found(String text) {
            if (problem == null) {
                problem = text;
            }
        }

        @Override
        public String check() {
            return problem;
        }
    }

    /** H-06, G-05: a VM never runs on two hosts at once. Reads the ledger, so it sees VMs placed before it. */
    static final class VmRunsOnce extends Remembering implements VmLedger.Listener {
        private final VmLedger ledger;

        VmRunsOnce(VmLedger ledger) {
            this.ledger = ledger;
        }

        @Override
        public String name() {
            return "vm-runs-once";
        }

        @Override
        public String description() {
            return "a VM never runs on two hosts at once (H-06, G-05)";
        }

        @Override
        public void started(String host, String vm) {
            if (ledger.copies(vm) > 1) {
                found(vm + " runs on " + String.join(" and ", ledger.hostsOf(vm)));
            }
        }

        @Override
        public void stopped(String host, String vm, String why) {
        }
    }

    /**
     * H-06: a host is declared fenced only when it truly cannot run its VMs: powered off when the power was read back
     * as off; running none of its VMs when its lease is declared expired. And a VM is restarted only when no copy runs.
     */
    static final class FencesAreTrue extends Remembering implements HaObserver {
        private final SimCluster cluster;

        FencesAreTrue(SimCluster cluster) {
            this.cluster = cluster;
        }

        @Override
        public String name() {
            return "restart-only-after-fence";
        }

        @Override
        public String description() {
            return "VMs restart elsewhere only after a confirmed power-off or an expired lease, and only when no copy "
                    + "runs (H-06)";
        }

        @Override
        public void fenced(String host, FenceChannel channel) {
            SimHost h = cluster.host(host);
            if (channel == FenceChannel.POWER_CONFIRMED_OFF && h.power() != PowerState.OFF) {
                found(host + " declared fenced by a power read-back while its power is on");
            }
            if (channel == FenceChannel.LEASE_EXPIRED && !h.activeDomains().isEmpty()) {
                found(host + " declared fenced by lease expiry while it runs " + h.activeDomains());
            }
        }

        @Override
        public void restarting(String vm, String fromHost, String toHost, String reason) {
            List<String> copies = cluster.ledger().hostsOf(vm);
            if (!copies.isEmpty()) {
                found("restart of " + vm + " on " + toHost + " while it runs on " + copies);
            }
        }






    }

    /**
     * H-06, the lease's timing argument checked against ground truth: when the manager declares a host's lease
     * expired, the host runs none of its VMs and cannot start any: it is down, or the life it had when the lease's
     * evidence began is over (its watchdog is not being fed, or it booted since).
     */
    static final class LeaseExpiryIsTrue extends Remembering implements HaObserver {
        private final SimCluster cluster;
        private final long leaseMillis;

        LeaseExpiryIsTrue(SimCluster cluster, long leaseMillis) {
            this.cluster = cluster;
            this.leaseMillis = leaseMillis;
        }

        @Override
        public String name() {
            return "lease-expiry-is-true";
        }

        @Override
        public String description() {
            return "a host whose lease is declared expired runs none of its VMs and its watchdog has stopped it (H-06)";
        }

        @Override
        public void fenced(String host, FenceChannel channel) {
            if (channel != FenceChannel.LEASE_EXPIRED) {
                return;
            }
            SimHost h = cluster.host(host);
            long now = cluster.sim().nowMillis();
            if (!h.activeDomains().isEmpty()) {
                found(host + "'s lease declared expired while it runs " + h.activeDomains());
            } else if (h.up() && h.watchdogFed() && h.runningSince() <= now - leaseMillis) {
                found(host + "'s lease declared expired while its watchdog is still fed: it is alive and could run VMs");
            }
        }
    }

    /**
     * H-07 against ground truth: a host alive on storage is never fenced, whatever the manager believed. Alive on
     * storage: powered on and running (not crashed, not reset), its storage path to a serving monitor intact (random
     * loss aside) for longer than the manager's check needs to see a renewal, and a heartbeat write of its current
     * helper landed within its watchdog's window. A lossy link does not make a host dead; a partition does.
     */
    static final class NoFenceWhileAliveOnStorage extends Remembering implements HaObserver {
        private final SimCluster cluster;
        private final long settleMillis;

        NoFenceWhileAliveOnStorage(SimCluster cluster, long settleMillis) {
            this.cluster = cluster;
            this.settleMillis = settleMillis;
        }

        @Override
        public String name() {
            return "no-fence-while-alive-on-storage";
        }

        @Override
        public String description() {
            return "a host alive on storage (up, its storage path intact, a heartbeat write landed within its "
                    + "watchdog's window) is never fenced (H-07)";
        }

        @Override
        public void fenceIssued(String host, int attempt) {
            SimHost h = cluster.host(host);
            long now = cluster.sim().nowMillis();
            long since = cluster.storage().connectedSince(host);
            long last = cluster.storage().lastLiveHeartbeatWrite(host);
            if (h.up() && since >= 0 && now - since >= settleMillis && last >= 0
                    && now - last < cluster.settings().watchdogTimeoutMillis()) {
                found(host + " fenced while alive on storage: its storage path has been intact for " + (now - since)
                        + " ms and its last heartbeat write landed " + (now - last) + " ms ago");
            }
        }
    }

    /** G-05: a migration that does not complete leaves the VM running on its source (when the source is up). */
    static final class FailedMigrationKeepsTheSource extends Remembering implements SimCluster.MigrationListener {
        private final SimCluster cluster;

        FailedMigrationKeepsTheSource(SimCluster cluster) {
            this.cluster = cluster;
        }

        @Override
        public String name() {
            return "migration-keeps-one-copy";
        }

        @Override
        public String description() {
            return "a migration ends with exactly one running copy: on the target if it moved, on the source if not "
                    + "and the source is up (G-05)";
        }

        @Override
        public void started(String vm, String source, String target) {
        }

        @Override
        public void ended(String vm, String source, String target, boolean moved) {
            List<String> copies = cluster.ledger().hostsOf(vm);
            if (moved && !copies.equals(List.of(target))) {
                found("migration of " + vm + " to " + target + " completed but it runs on " + copies);
            }
            if (!moved && cluster.host(source).up() && !copies.equals(List.of(source))) {
                found("failed migration of " + vm + " from " + source + " left it running on " + copies);
            }
        }
    }

    /** H-08 liveness: once the cluster is healthy again, every HA VM runs, exactly once. */
    static final class HaVmsRunAgain implements LivenessCheck {
        private final SimCluster cluster;

        HaVmsRunAgain(SimCluster cluster) {
            this.cluster = cluster;
        }

        @Override
        public String name() {
            return "ha-vms-run-again";
        }

        @Override
        public String description() {
            return "after the faults heal and a quiet period, every HA VM runs exactly once (H-08)";
        }

        @Override
        public String check() {
            List<String> wrong = new ArrayList<>();
            for (VmSpec vm : cluster.spec().vms()) {
                if (vm.ha().enabled() && cluster.ledger().copies(vm.name()) != 1) {
                    wrong.add(vm.name() + " x" + cluster.ledger().copies(vm.name()));
                }
            }
            return wrong.isEmpty() ? null : "HA VMs not running exactly once: " + String.join(", ", wrong);
        }
    }
}
