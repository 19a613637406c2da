package io.cellharness.core.cpu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Set arithmetic on feature-flag lists; results are sorted so messages and comparisons are stable. */
final class FeatureSets {

    private FeatureSets() {
    }

    /** The flags of {@code wanted} that {@code offered} lacks, sorted. */
    static List<String> missing(Collection<String> wanted, Collection<String> offered) {
        SortedSet<String> have = offered instanceof SortedSet<String> sorted ? sorted : new TreeSet<>(offered);
        List<String> out = new ArrayList<>();
        for (String f : new TreeSet<>(wanted)) {
            if (!have.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    static List<String> union(Collection<String> a, Collection<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    static String list(List<String> features) {
        return String.join(", ", features);
    }
}
