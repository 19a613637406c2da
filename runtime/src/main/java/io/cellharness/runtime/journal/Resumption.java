package io.cellharness.runtime.journal;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.VmSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a restarted manager learns from its journal before it acts (H-12): where each VM was last restarted, which
 * fences were issued and never confirmed (to be read back from the BMC before anything restarts), and which restarts
 * were begun and never confirmed (VMs in doubt: asked about on their target before they are placed again).
 *
 * @param placements     VM to the host it was last restarted on
 * @param fencesInFlight hosts with a fence issued and not confirmed, sorted
 * @param restartsInDoubt VM to the host a restart was begun on and not confirmed
 */
public record Resumption(Map<String, String> placements, List<String> fencesInFlight,
                         Map<String, String> restartsInDoubt) {

    public static Resumption from(List<JournalEntry> entries) {
        Map<String, String> placements = new TreeMap<>();
        TreeSet<String> fences = new TreeSet<>();
        Map<String, String> inDoubt = new TreeMap<>();
        for (JournalEntry e : entries) {
            switch (e.kind()) {
                case FENCE_ISSUED -> fences.add(e.host());
                case FENCED -> fences.remove(e.host());
                case FENCE_READ_BACK -> {
                    if (e.detail().startsWith("OFF")) {
                        fences.remove(e.host());
                    }
                }
                case RESTARTING -> inDoubt.put(e.vm(), e.host());
                case RESTARTED -> {
                    inDoubt.remove(e.vm());
                    placements.put(e.vm(), e.host());
                }
                case IN_DOUBT_RESOLVED -> {
                    inDoubt.remove(e.vm());
                    if (e.detail().startsWith("running")) {
                        placements.put(e.vm(), e.host());
                    }
                }
                default -> {
                }
            }
        }
        return new Resumption(placements, new ArrayList<>(fences), inDoubt);
    }

    /** {@code cluster} with each VM on the host the journal last placed it on. */
    public ClusterSpec apply(ClusterSpec cluster) {
        List<VmSpec> vms = new ArrayList<>();
        for (VmSpec vm : cluster.vms()) {
            String host = placements.get(vm.name());
            vms.add(host == null ? vm : vm.withHost(host));
        }
        return cluster.withVms(vms);
    }
}
