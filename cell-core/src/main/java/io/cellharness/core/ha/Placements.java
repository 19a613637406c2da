package io.cellharness.core.ha;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where the manager believes each VM runs, indexed both ways, so that what a host runs is found without scanning
 * every VM of the cluster (the manager looks once per heartbeat of every host).
 */
final class Placements {

    private final TreeMap<String, String> hostOf = new TreeMap<>();
    private final TreeMap<String, TreeSet<String>> vmsOn = new TreeMap<>();

    String get(String vm) {
        return hostOf.get(vm);
    }

    void put(String vm, String host) {
        String old = hostOf.put(vm, host);
        if (old != null) {
            TreeSet<String> onOld = vmsOn.get(old);
            onOld.remove(vm);
            if (onOld.isEmpty()) {
                vmsOn.remove(old);
            }
        }
        vmsOn.computeIfAbsent(host, k -> new TreeSet<>()).add(vm);
    }

    void remove(String vm) {
        String old = hostOf.remove(vm);
        if (old != null) {
            TreeSet<String> onOld = vmsOn.get(old);
            onOld.remove(vm);
            if (onOld.isEmpty()) {
                vmsOn.remove(old);
            }
        }
    }

    /** The VMs believed on {@code host}, sorted; a copy, safe to change placements while iterating. */
    List<String> on(String host) {
        TreeSet<String> vms = vmsOn.get(host);
        return vms == null ? List.of() : List.copyOf(vms);
    }

    /** Every VM and its host, sorted by VM. */
    Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(hostOf);
    }
}
