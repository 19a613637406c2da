package io.cellharness.sim.world;

import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.StorageHeartbeats;
import io.cellharness.core.port.StorageMonitors;
import io.cellharness.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/**
 * The Glue storage: a storage controller VM on every HCI host, 3 or 5 of them running a monitor (S-04; an external
 * storage node when no host has one), reached over the storage network; and the heartbeat (lease) area where each host
 * advances its counter. A node reaches storage when it can reach at least one answering monitor.
 */
public final class SimStorage {

    /** The node name of the monitor on {@code host}. */
    public static String monitorNode(String host) {
        return "mon@" + host;
    }

    /** The node of external storage, used when no host runs a storage controller. */
    public static final String EXTERNAL = "storage";

    private final SimCluster cluster;
    private final List<String> monitorHosts = new ArrayList<>();
    private final java.util.TreeSet<String> withMonitor = new java.util.TreeSet<>();
    private final TreeMap<String, Boolean> controllerUp = new TreeMap<>();
    private final TreeMap<String, Long> counters = new TreeMap<>();
    private final TreeMap<String, Long> lastWrite = new TreeMap<>();
    /** When a write sent by a process still alive last landed, per host (ground truth for "alive on storage"). */
    private final TreeMap<String, Long> lastLiveWrite = new TreeMap<>();
    /** Since when each host can reach a serving monitor (ignoring random loss), or absent while it cannot. */
    private final TreeMap<String, Long> connectedSince = new TreeMap<>();
    private boolean externalUp = true;

    SimStorage(SimCluster cluster) {
        this.cluster = cluster;
    }

    /** Adds the storage controller of {@code host}, running a monitor or not (S-04). */
    void addController(String host, boolean runsMonitor) {
        if (runsMonitor) {
            monitorHosts.add(host);
            withMonitor.add(host);
        }
        controllerUp.put(host, true);
    }

    List<String> monitorHosts() {
        return List.copyOf(monitorHosts);
    }

    boolean external() {
        return monitorHosts.isEmpty();
    }

    /** Whether the monitor on {@code host} answers (its host is up and its controller runs). */
    public boolean monitorUp(String host) {
        SimHost h = cluster.host(host);
        return h != null && h.up() && controllerUp.getOrDefault(host, false) && withMonitor.contains(host);
    }

    boolean externalUp() {
        return externalUp;
    }

    /** Stops or restarts the storage controller on {@code host} (or the external storage for {@link #EXTERNAL}). */
    public void setController(String host, boolean up) {
        if (EXTERNAL.equals(host)) {
            externalUp = up;
        } else if (controllerUp.containsKey(host)) {
            controllerUp.put(host, up);
        } else {
            throw new IllegalArgumentException("host " + host + " has no storage controller");
        }
        cluster.topologyChanged();
        cluster.trace(EXTERNAL.equals(host) ? EXTERNAL : monitorNode(host), up ? "controller-up" : "controller-down", "");
    }

    private long quorumVersion = -1;
    private java.util.TreeSet<String> quorum = new java.util.TreeSet<>();

    /**
     * The monitors that can serve: up, and reaching a majority of all the cluster's monitors (themselves included) on
     * the storage network, as a Ceph monitor needs quorum. A monitor cut off with its host is out of quorum, so a
     * storage-partitioned host cannot write through its own controller. Recomputed only when the topology changed.
     */
    public java.util.SortedSet<String> quorum() {
        long v = cluster.topologyVersion();
        if (v != quorumVersion) {
            quorumVersion = v;
            java.util.TreeSet<String> q = new java.util.TreeSet<>();
            int majority = monitorHosts.size() / 2 + 1;
            for (String h : monitorHosts) {
                if (!monitorUp(h)) {
                    continue;
                }
                String node = monitorNode(h);
                int reached = 0;
                for (String other : monitorHosts) {
                    if (monitorUp(other) && (other.equals(h) || cluster.network().reachable(Net.STORAGE, node, monitorNode(other)))) {
                        reached++;
                    }
                }
                if (reached >= majority) {
                    q.add(h);
                }
            }
            quorum = q;
        }
        return java.util.Collections.unmodifiableSortedSet(quorum);
    }

    /** The monitor node a request from {@code node} goes to now: its own host's first, then the others in order. */
    private String reachableMonitor(String node) {
        if (external()) {
            return cluster.network().reachable(Net.STORAGE, node, EXTERNAL) ? EXTERNAL : null;
        }
        java.util.SortedSet<String> serving = quorum();
        String own = monitorNode(node);
        if (serving.contains(node) && cluster.network().reachable(Net.STORAGE, node, own)) {
            return own;
        }
        for (String h : serving) {
            String m = monitorNode(h);
            if (cluster.network().reachable(Net.STORAGE, node, m)) {
                return m;
            }
        }
        return null;
    }

    private boolean leaseAreaFull;

    /** While set, every heartbeat write fails with an error (the lease area is full); reads still answer. */
    public void setLeaseAreaFull(boolean full) {
        if (leaseAreaFull != full) {
            leaseAreaFull = full;
            cluster.trace("storage", full ? "lease-area-full" : "lease-area-space", "");
        }
    }

    /**
     * Recomputes which hosts reach a serving monitor after the topology changed (a partition, a NIC, a host or a
     * controller went down or up); rare, so the per-event invariants only read fields.
     */
    void refreshConnectivity() {
        long now = sim().nowMillis();
        for (SimHost h : cluster.hosts()) {
            boolean reaches = h.up() && reachableMonitor(h.name()) != null;
            if (!reaches) {
                connectedSince.remove(h.name());
            } else if (!connectedSince.containsKey(h.name())) {
                connectedSince.put(h.name(), now);
            }
        }
    }

    /** Since when {@code host} reaches a serving monitor on the storage network (random loss aside), or -1. */
    public long connectedSince(String host) {
        return connectedSince.getOrDefault(host, -1L);
    }

    /** When a heartbeat write sent by {@code host}'s current helper last landed on storage, or -1. */
    public long lastLiveHeartbeatWrite(String host) {
        return lastLiveWrite.getOrDefault(host, -1L);
    }

    /** Virtual time of {@code host}'s last successful heartbeat write, or -1. */
    public long lastHeartbeatWrite(String host) {
        return lastWrite.getOrDefault(host, -1L);
    }

    public long heartbeatCounter(String host) {
        return counters.getOrDefault(host, 0L);
    }

    private Simulation sim() {
        return cluster.sim();
    }

    /** A request from {@code node} to storage and back; {@code work} runs at the monitor. */
    private <T> CompletionStage<OpResult<T>> request(ProcessScope caller, String node, String what, long timeout,
                                                     java.util.function.Supplier<OpResult<T>> work) {
        PendingReply<T> pending = new PendingReply<>(sim(), caller, timeout, "storage timeout " + what,
                "storage did not answer " + what + " within " + timeout + " ms");
        String monitor = reachableMonitor(node);
        if (monitor != null) {
            cluster.network().send(Net.STORAGE, node, monitor, "storage " + what, () -> {
                OpResult<T> result = work.get();
                cluster.network().send(Net.STORAGE, monitor, node, "storage reply " + what, () -> pending.reply(result));
            });
        }
        return pending.stage();
    }

    /** The heartbeat area as the process {@code caller} reaches it. */
    StorageHeartbeats heartbeats(ProcessScope caller) {
        long timeout = cluster.settings().libvirtTimeoutMillis();
        return new StorageHeartbeats() {
            @Override
            public CompletionStage<OpResult<Long>> write(String host) {
                return request(caller, caller.node(), "heartbeat write " + host, timeout, () -> {
                    if (leaseAreaFull) {
                        return OpResult.failed("heartbeat write of " + host + " failed: no space left on the lease "
                                + "area (ENOSPC)");
                    }
                    long value = counters.merge(host, 1L, Long::sum);
                    lastWrite.put(host, sim().nowMillis());
                    if (caller.alive()) {
                        lastLiveWrite.put(host, sim().nowMillis());
                    }
                    return OpResult.ok(value);
                });
            }

            @Override
            public CompletionStage<OpResult<Long>> read(String reader, String host) {
                return request(caller, caller.node(), "heartbeat read " + host, timeout,
                        () -> OpResult.ok(counters.getOrDefault(host, 0L)));
            }
        };
    }

    /** Monitor probes (S-07) as the process {@code caller} on a host sends them. */
    StorageMonitors monitors(ProcessScope caller) {
        return (fromHost, monitorHost) -> {
            long sent = sim().nowMillis();
            String target = monitorNode(monitorHost);
            long timeout = cluster.settings().libvirtTimeoutMillis();
            PendingReply<Long> pending = new PendingReply<>(sim(), caller, timeout, "probe timeout " + target,
                    "monitor " + monitorHost + " did not answer");
            if (cluster.network().hasNode(target)) {
                cluster.network().send(Net.STORAGE, fromHost, target, "probe", () ->
                        cluster.network().send(Net.STORAGE, target, fromHost, "probe reply",
                                () -> pending.reply(OpResult.ok(sim().nowMillis() - sent))));
            }
            return pending.stage();
        };
    }
}
