package io.cellharness.sim.world;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Ground truth of the simulated world: on which hosts each VM has a QEMU process right now. Invariants and reports
 * read it; only the simulated hosts write it.
 */
public final class VmLedger {

    /** Told of every start and stop of a VM copy. */
    public interface Listener {
        void started(String host, String vm);

        void stopped(String host, String vm, String why);
    }

    private final TreeMap<String, TreeSet<String>> copies = new TreeMap<>();
    private final List<Listener> listeners = new ArrayList<>();

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    void started(String host, String vm) {
        copies.computeIfAbsent(vm, k -> new TreeSet<>()).add(host);
        for (Listener l : listeners) {
            l.started(host, vm);
        }
    }

    void stopped(String host, String vm, String why) {
        TreeSet<String> hosts = copies.get(vm);
        if (hosts != null && hosts.remove(host)) {
            if (hosts.isEmpty()) {
                copies.remove(vm);
            }
            for (Listener l : listeners) {
                l.stopped(host, vm, why);
            }
        }
    }

    /** The hosts running {@code vm} now, sorted. */
    public List<String> hostsOf(String vm) {
        TreeSet<String> hosts = copies.get(vm);
        return hosts == null ? List.of() : List.copyOf(hosts);
    }

    public int copies(String vm) {
        TreeSet<String> hosts = copies.get(vm);
        return hosts == null ? 0 : hosts.size();
    }

    /** Every VM with at least one running copy, sorted. */
    public List<String> runningVms() {
        return List.copyOf(copies.keySet());
    }
}
