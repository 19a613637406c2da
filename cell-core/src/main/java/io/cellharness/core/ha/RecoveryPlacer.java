package io.cellharness.core.ha;

import io.cellharness.core.capacity.CapacityCheck;
import io.cellharness.core.capacity.HostLoad;
import io.cellharness.core.capacity.PlacementDecision;
import io.cellharness.core.cpu.BaselineResult;
import io.cellharness.core.cpu.CpuBaseline;
import io.cellharness.core.cpu.CpuCompatibility;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Overcommit;
import io.cellharness.core.model.RestartPriority;
import io.cellharness.core.model.VmSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * H-04, H-08: where the HA VMs of failed hosts restart. VMs go in restart-priority order (high, medium, low; larger
 * first within a priority, then by name); each goes to the eligible host with the most free memory that it fits
 * (L-05, L-07). A VM in {@code custom} CPU mode needs a host that offers the cluster's baseline CPU (C-04) unless
 * generation compatibility pins every VM to the oldest generation (C-05). VMs that fit nowhere are returned with the
 * reason, never dropped.
 *
 * <p>Hosts are kept ordered by free memory, so a VM usually costs one look at the first host: O(v log n) for v VMs on
 * n hosts.
 */
public final class RecoveryPlacer {

    /** A VM and the host it restarts on. */
    public record Assignment(String vm, String host) {
    }

    /** A VM that fits no host now, and why. */
    public record Unplaced(String vm, String reason) {
    }

    /** The outcome of one placement round. */
    public record Plan(List<Assignment> assignments, List<Unplaced> unplaced) {
        public Plan {
            assignments = List.copyOf(assignments);
            unplaced = List.copyOf(unplaced);
        }
    }

    private final TreeMap<String, HostSpec> hosts = new TreeMap<>();
    private final Overcommit overcommit;
    private final TreeSet<String> customEligible = new TreeSet<>();
    private final String customProblem;

    public RecoveryPlacer(ClusterSpec cluster) {
        for (HostSpec h : cluster.hosts()) {
            hosts.put(h.name(), h);
        }
        overcommit = cluster.settings().overcommit();
        String problem = null;
        if (cluster.settings().cpuGenerationCompatibility()) {
            customEligible.addAll(hosts.keySet());
        } else {
            List<CpuSpec> cpus = new ArrayList<>();
            for (HostSpec h : cluster.hosts()) {
                if (h.cpu() != null) {
                    cpus.add(h.cpu());
                }
            }
            if (cpus.size() < cluster.hosts().size() || cpus.isEmpty()) {
                // Hosts without a described CPU: nothing to compare, every host is taken as able (C-04 cannot refuse).
                customEligible.addAll(hosts.keySet());
            } else {
                BaselineResult baseline = CpuBaseline.of(cpus);
                if (baseline instanceof BaselineResult.Found found) {
                    for (HostSpec h : cluster.hosts()) {
                        if (CpuCompatibility.compare(h.cpu(), found.cpu()).compatible()) {
                            customEligible.add(h.name());
                        }
                    }
                } else {
                    problem = ((BaselineResult.Impossible) baseline).reason();
                }
            }
        }
        customProblem = problem == null ? "no host offers the cluster's baseline CPU (C-04)" : problem;
    }

    /** The order VMs are placed in: priority, then larger memory first, then name. */
    public static final Comparator<VmSpec> RESTART_ORDER = Comparator
            .comparingInt((VmSpec v) -> priorityRank(v.ha().priority()))
            .thenComparing(Comparator.comparingLong((VmSpec v) -> v.memory().bytes()).reversed())
            .thenComparing(VmSpec::name);

    static int priorityRank(RestartPriority p) {
        return switch (p) {
            case HIGH -> 0;
            case MEDIUM -> 1;
            case LOW -> 2;
        };
    }

    private record Slot(String host, long freeMemory) {
    }

    private static final Comparator<Slot> MOST_FREE_FIRST = Comparator.comparingLong(Slot::freeMemory).reversed()
            .thenComparing(Slot::host);

    /**
     * Places {@code vms} on {@code candidates}, given what each host already runs ({@code loads}; missing means
     * empty). Does not change {@code loads}.
     */
    public Plan place(Collection<VmSpec> vms, Map<String, HostLoad> loads, Collection<String> candidates) {
        List<VmSpec> order = new ArrayList<>(vms);
        order.sort(RESTART_ORDER);
        TreeMap<String, HostLoad> load = new TreeMap<>();
        TreeSet<Slot> slots = new TreeSet<>(MOST_FREE_FIRST);
        for (String h : candidates) {
            HostSpec spec = hosts.get(h);
            if (spec == null) {
                continue;
            }
            HostLoad l = loads.getOrDefault(h, HostLoad.EMPTY);
            load.put(h, l);
            slots.add(new Slot(h, CapacityCheck.memoryCapacity(spec, overcommit) - l.memoryBytes()));
        }
        List<Assignment> assignments = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        for (VmSpec vm : order) {
            Slot chosen = null;
            String firstRefusal = null;
            for (Slot slot : slots) {
                if (slot.freeMemory() < vm.memory().bytes()) {
                    if (firstRefusal == null) {
                        firstRefusal = refusal(vm, slot.host(), load.get(slot.host()));
                    }
                    break;
                }
                if (vm.cpuMode() == CpuMode.CUSTOM && !customEligible.contains(slot.host())) {
                    if (firstRefusal == null) {
                        firstRefusal = customProblem;
                    }
                    continue;
                }
                PlacementDecision d = CapacityCheck.check(hosts.get(slot.host()), load.get(slot.host()), vm, overcommit);
                if (d.fits()) {
                    chosen = slot;
                    break;
                }
                if (firstRefusal == null) {
                    firstRefusal = ((PlacementDecision.Refused) d).message();
                }
            }
            if (chosen == null) {
                unplaced.add(new Unplaced(vm.name(), firstRefusal != null ? firstRefusal : "no host is up to take it"));
                continue;
            }
            slots.remove(chosen);
            HostLoad after = load.get(chosen.host()).plus(vm);
            load.put(chosen.host(), after);
            slots.add(new Slot(chosen.host(), chosen.freeMemory() - vm.memory().bytes()));
            assignments.add(new Assignment(vm.name(), chosen.host()));
        }
        return new Plan(assignments, unplaced);
    }

    private String refusal(VmSpec vm, String host, HostLoad load) {
        PlacementDecision d = CapacityCheck.check(hosts.get(host), load, vm, overcommit);
        return d instanceof PlacementDecision.Refused r ? r.message() : "no host has room";
    }
}
