package io.cellharness.sim.world;

import io.cellharness.core.port.RandomSource;
import io.cellharness.sim.Simulation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The networks between the nodes of the simulated cluster (hosts, monitors, the manager). A message from A to B on a
 * network arrives after a drawn latency (the network's, or the link's own) if, when it is sent, both ends are attached and up, no partition blocks the
 * direction A to B, and the link's loss does not drop it; and if B is still up when it arrives.
 *
 * <p>Partitions are counted per directed link, so overlapping partition faults heal independently.
 */
public final class SimNetwork {

    private final Simulation sim;
    private final RandomSource random;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<Predicate<Net>> attached = new ArrayList<>();
    private final EnumMap<Net, int[]> blocks = new EnumMap<>(Net.class);
    private final EnumMap<Net, long[]> latency = new EnumMap<>(Net.class);
    private final EnumMap<Net, Double> loss = new EnumMap<>(Net.class);
    private final TreeMap<Long, Double> linkLoss = new TreeMap<>();
    private final TreeMap<Long, long[]> linkLatency = new TreeMap<>();
    private int capacity;

    public SimNetwork(Simulation sim, long[] mgmtLatency, long[] storageLatency, long[] bmcLatency) {
        this.sim = sim;
        this.random = sim.random("network");
        latency.put(Net.MGMT, mgmtLatency.clone());
        latency.put(Net.STORAGE, storageLatency.clone());
        latency.put(Net.BMC, bmcLatency.clone());
        for (Net net : Net.values()) {
            loss.put(net, 0.0);
        }
    }

    /**
     * Adds a node; {@code up} says, per network, whether the node is attached and up now (its host powered and
     * booted, its uplink for that network not cut).
     */
    public void addNode(String name, Predicate<Net> up) {
        if (index.containsKey(name)) {
            throw new IllegalArgumentException("node " + name + " already exists");
        }
        index.put(name, names.size());
        names.add(name);
        attached.add(up);
        if (names.size() > capacity) {
            grow(Math.max(16, capacity * 2));
        }
    }

    private void grow(int newCapacity) {
        for (Net net : Net.values()) {
            int[] old = blocks.get(net);
            int[] grown = new int[newCapacity * newCapacity];
            if (old != null) {
                for (int i = 0; i < capacity; i++) {
                    System.arraycopy(old, i * capacity, grown, i * newCapacity, capacity);
                }
            }
            blocks.put(net, grown);
        }
        capacity = newCapacity;
    }

    private int idx(String node) {
        Integer i = index.get(node);
        if (i == null) {
            throw new IllegalArgumentException("no node named " + node);
        }
        return i;
    }

    public boolean hasNode(String node) {
        return index.containsKey(node);
    }

    public boolean isUp(String node, Net net) {
        return attached.get(idx(node)).test(net);
    }

    /** Whether a message from {@code from} would reach {@code to} on {@code net} now (ignoring random loss). */
    public boolean reachable(Net net, String from, String to) {
        int a = idx(from);
        int b = idx(to);
        return attached.get(a).test(net) && attached.get(b).test(net)
                && (a == b || blocks.get(net)[a * capacity + b] == 0);
    }

    /** Blocks the direction {@code from → to} on {@code net} (a partition); counted, so blocks nest. */
    public void block(Net net, String from, String to) {
        blocks.get(net)[idx(from) * capacity + idx(to)]++;
    }

    public void unblock(Net net, String from, String to) {
        int[] b = blocks.get(net);
        int k = idx(from) * capacity + idx(to);
        if (b[k] > 0) {
            b[k]--;
        }
    }

    /** Drops each message on {@code net} with probability {@code p} (0 heals). */
    public void setLoss(Net net, double p) {
        loss.put(net, p);
    }

    /** Drops each message on the directed link with probability {@code p} (0 heals). */
    public void setLinkLoss(Net net, String from, String to, double p) {
        long key = linkKey(net, idx(from), idx(to));
        if (p <= 0) {
            linkLoss.remove(key);
        } else {
            linkLoss.put(key, p);
        }
    }

    /** Gives the directed link its own one-way latency: {@code base} plus up to {@code jitter} ms. */
    public void setLinkLatency(Net net, String from, String to, long base, long jitter) {
        linkLatency.put(linkKey(net, idx(from), idx(to)), new long[] {base, jitter});
    }

    private long linkKey(Net net, int a, int b) {
        return ((long) net.ordinal() << 60) | ((long) a << 30) | b;
    }

    /** A one-way latency drawn for {@code net}. */
    public long drawLatency(Net net) {
        long[] l = latency.get(net);
        return l[0] + (l[1] > 0 ? random.nextInt((int) l[1] + 1) : 0);
    }

    /**
     * Sends a message: if it can go now and is not lost, {@code onArrival} runs after a drawn latency, provided the
     * destination is still up then.
     *
     * @return whether the message left (it may still die with its destination)
     */
    public boolean send(Net net, String from, String to, String label, Runnable onArrival) {
        if (!reachable(net, from, to)) {
            return false;
        }
        double p = loss.get(net);
        if (!linkLoss.isEmpty()) {
            p = Math.max(p, linkLoss.getOrDefault(linkKey(net, idx(from), idx(to)), 0.0));
        }
        if (p > 0 && random.chance(p)) {
            return false;
        }
        int b = idx(to);
        long[] own = linkLatency.isEmpty() ? null : linkLatency.get(linkKey(net, idx(from), b));
        long delay = own == null ? drawLatency(net) : own[0] + (own[1] > 0 ? random.nextInt((int) own[1] + 1) : 0);
        sim.after(delay, label, () -> {
            if (attached.get(b).test(net)) {
                onArrival.run();
            }
        });
        return true;
    }

    public List<String> nodes() {
        return List.copyOf(names);
    }
}
