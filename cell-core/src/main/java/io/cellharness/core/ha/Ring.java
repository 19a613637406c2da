package io.cellharness.core.ha;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * H-02: hosts sorted by name form a ring; each host asks the next {@code k} hosts to check it, so each host watches
 * the {@code k} before it.
 */
public final class Ring {

    private final List<String> hosts;
    private final int k;

    public Ring(List<String> hosts, int k) {
        this.hosts = List.copyOf(new TreeSet<>(hosts));
        this.k = Math.min(k, Math.max(0, this.hosts.size() - 1));
    }

    /** The hosts {@code host} asks to check it (its checkers). */
    public List<String> checkersOf(String host) {
        return around(host, 1);
    }

    /** The hosts {@code host} checks. */
    public List<String> watchedBy(String host) {
        return around(host, -1);
    }

    private List<String> around(String host, int step) {
        // The list is sorted: a binary search keeps each heartbeat round O(n log n) rather than O(n^2) on n hosts.
        int i = Collections.binarySearch(hosts, host);
        if (i < 0) {
            throw new IllegalArgumentException("host " + host + " is not in the ring");
        }
        List<String> out = new ArrayList<>(k);
        int n = hosts.size();
        for (int d = 1; d <= k; d++) {
            out.add(hosts.get(Math.floorMod(i + step * d, n)));
        }
        return out;
    }

    public List<String> hosts() {
        return hosts;
    }
}
