package io.cellharness.reports.casefile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which VM lanes the timeline draws when there are more than it can show: first the VMs a violation names, then the
 * eventful ones (named by any marker, placed on more than one host or stopped, storage path changed or stalled), then
 * the rest, each group in input order; the drawn lanes keep the input order.
 *
 * @param shown the lanes to draw, in input order
 * @param hidden the lanes left out, in input order
 */
record VmLaneSelection(List<VmLane> shown, List<VmLane> hidden) {

    VmLaneSelection {
        shown = List.copyOf(shown);
        hidden = List.copyOf(hidden);
    }

    static VmLaneSelection of(List<VmLane> vms, List<Marker> markers, int cap) {
        if (vms.size() <= cap) {
            return new VmLaneSelection(vms, List.of());
        }
        Set<String> violated = new LinkedHashSet<>();
        Set<String> marked = new LinkedHashSet<>();
        for (Marker m : markers) {
            marked.add(m.target());
            if (m.kind() == Marker.Kind.VIOLATION) {
                violated.add(m.target());
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < vms.size(); i++) {
            order.add(i);
        }
        // A stable sort keeps input order within each priority.
        order.sort(Comparator.comparingInt(i -> -priority(vms.get(i), violated, marked)));
        Set<Integer> chosen = new TreeSet<>(order.subList(0, cap));
        List<VmLane> shown = new ArrayList<>();
        List<VmLane> hidden = new ArrayList<>();
        for (int i = 0; i < vms.size(); i++) {
            (chosen.contains(i) ? shown : hidden).add(vms.get(i));
        }
        return new VmLaneSelection(shown, hidden);
    }

    private static int priority(VmLane vm, Set<String> violated, Set<String> marked) {
        if (violated.contains(vm.vm())) {
            return 2;
        }
        return marked.contains(vm.vm()) || eventful(vm) ? 1 : 0;
    }

    /** Moved, stopped, or its storage path changed or stalled. */
    static boolean eventful(VmLane vm) {
        return distinctValues(vm.placement()) > 1 || distinctValues(vm.storagePath()) > 1
                || vm.placement().stream().anyMatch(i -> i.value().equals(VmLane.NOT_RUNNING))
                || vm.storagePath().stream().anyMatch(i -> i.value().equals(VmLane.STALLED));
    }

    private static long distinctValues(List<Interval<String>> intervals) {
        return intervals.stream().map(Interval::value).distinct().count();
    }
}
