package io.cellharness.core.ha.cloudstack;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PeerChannel;
import io.cellharness.core.port.PeerMessage;
import io.cellharness.core.port.StorageHeartbeats;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * CloudStack's {@code KVMHostActivityChecker} over the engine's ports.
 *
 * <ul>
 *   <li><b>Health</b> ({@code isAgentActive}): a {@code CheckOnHostCommand} to the host's own agent, which answers
 *       "Up" only when its heartbeat beats on a pool that supports HA (the agent's {@code KVMHAChecker}; with no such
 *       pool it logs "in pools [] considered it as dead", apache/cloudstack#13784). Here: a probe answered by the
 *       host's helper within the health check timeout, and its storage heartbeat seen advancing within
 *       {@code heartbeatStaleMillis}. When the host does not answer, every neighbour is asked through its helper (a
 *       {@code CheckRequest}): that tells Disconnected from Down for the evidence, and, as upstream, never makes the
 *       host healthy.</li>
 *   <li><b>Activity</b> ({@code isVMActivtyOnHost}): for each pool holding volumes of the VMs on the host, a
 *       {@code CheckVMActivityOnStoragePoolCommand}; a pool that does not support HA answers "Unsupported Storage",
 *       which upstream reads as activity, and a host with no volumes has activity too. Here the NFS pool's activity
 *       is the host's storage heartbeat advancing since the suspect time; a read that fails is a
 *       {@code StorageUnavailableException}, i.e. an {@code HACheckerException} (the host becomes Ineligible).</li>
 * </ul>
 */
public final class KvmHostActivityChecker {

    /** What one activity check found. */
    public sealed interface Activity {
        /** Activity seen (or assumed, for pools that cannot tell). */
        record Active(String why) implements Activity {
        }

        /** No activity since the suspect time. */
        record Inactive(String why) implements Activity {
        }

        /** The check could not be made ({@code HACheckerException}). */
        record CheckerException(String why) implements Activity {
        }
    }

    /** Storage types whose KVM pools write the HA heartbeat ({@code isPoolSupportHA}): NFS here. */
    static final List<StorageType> HA_POOLS = List.of(StorageType.NFS);

    private final String node;
    private final ClusterSpec cluster;
    private final PeerChannel peers;
    private final StorageHeartbeats storage;
    private final CloudStackHaSettings settings;

    KvmHostActivityChecker(String node, ClusterSpec cluster, PeerChannel peers, StorageHeartbeats storage,
                           CloudStackHaSettings settings) {
        this.node = node;
        this.cluster = cluster;
        this.peers = peers;
        this.storage = storage;
        this.settings = settings;
    }

    /** Whether the cluster has a primary storage pool that carries the KVM HA heartbeat (an NFS pool). */
    boolean clusterHasHeartbeatPool() {
        for (VmSpec vm : cluster.vms()) {
            for (DiskSpec d : vm.disks()) {
                if (HA_POOLS.contains(d.storage())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The storage pools (types) holding volumes of {@code vms}, sorted. */
    TreeSet<StorageType> poolsOf(Collection<VmSpec> vms) {
        TreeSet<StorageType> pools = new TreeSet<>();
        for (VmSpec vm : vms) {
            for (DiskSpec d : vm.disks()) {
                pools.add(d.storage());
            }
        }
        return pools;
    }

    /** The host's agent answers the {@code CheckOnHostCommand} (its helper answers a probe in time). */
    CompletionStage<Boolean> agentAnswers(String host) {
        return peers.request(node, host, new PeerMessage.Probe(host), settings.healthCheckTimeoutMillis())
                .thenApply(r -> r.isOk() && r.value() instanceof PeerMessage.ProbeReply);
    }

    /**
     * Asks the neighbours, one after the other, whether they reach {@code host}, stopping at the first that does
     * ({@code isAgentActive}'s loop). Completes with the evidence line: "Disconnected" when a neighbour reaches it,
     * "Down" otherwise.
     */
    CompletionStage<String> askNeighbours(String host, List<String> neighbours) {
        CompletableFuture<String> done = new CompletableFuture<>();
        askFrom(host, new ArrayList<>(neighbours), 0, done);
        return done;
    }

    private void askFrom(String host, List<String> neighbours, int i, CompletableFuture<String> done) {
        if (i >= neighbours.size()) {
            done.complete(neighbours.isEmpty() ? "Down: no neighbour to ask" : "Down: no neighbour reaches it");
            return;
        }
        String neighbour = neighbours.get(i);
        peers.request(node, neighbour, new PeerMessage.CheckRequest(host), settings.healthCheckTimeoutMillis())
                .thenAccept(r -> {
                    if (r.isOk() && r.value() instanceof PeerMessage.CheckReply reply && reply.reachable()) {
                        done.complete("Disconnected: neighbour " + neighbour + " reaches it");
                    } else {
                        askFrom(host, neighbours, i + 1, done);
                    }
                });
    }

    /**
     * One activity check of {@code host}, whose VMs (as the manager believes) are {@code vms}; {@code counterAtSuspect}
     * is its heartbeat counter as last seen when it was suspected (-1 when never seen).
     */
    CompletionStage<Activity> activity(String host, Collection<VmSpec> vms, long counterAtSuspect) {
        TreeSet<StorageType> pools = poolsOf(vms);
        TreeSet<StorageType> haPools = new TreeSet<>(pools);
        haPools.retainAll(HA_POOLS);
        if (haPools.isEmpty()) {
            String why = pools.isEmpty() ? "no volumes on the host: activity assumed"
                    : "pools " + pools + " answer \"Unsupported Storage\", read as activity (apache/cloudstack#13784)";
            return CompletableFuture.completedFuture(new Activity.Active(why));
        }
        return storage.read(node, host).thenApply(r -> {
            if (r instanceof OpResult.Ok<Long> ok) {
                if (counterAtSuspect >= 0 && ok.value() > counterAtSuspect) {
                    return new Activity.Active("heartbeat on " + haPools + " advanced since the suspect time");
                }
                return new Activity.Inactive("no heartbeat on " + haPools + " since the suspect time");
            }
            return new Activity.CheckerException("storage " + haPools + " is unavailable to do the check: "
                    + r.reason());
        });
    }
}
