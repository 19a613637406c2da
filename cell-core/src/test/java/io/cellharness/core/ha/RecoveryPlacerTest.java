package io.cellharness.core.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.capacity.HostLoad;
import io.cellharness.core.cpu.CpuCatalogue;
import io.cellharness.core.model.ClusterSettings;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.HaSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Overcommit;
import io.cellharness.core.model.RestartPriority;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.VmSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RecoveryPlacerTest {

    static HostSpec host(String name, int gib) {
        return new HostSpec(name, 16, Size.ofGiB(gib), null, null, null, null, null, null);
    }

    static VmSpec ha(String name, int gib, RestartPriority p) {
        return VmSpec.of(name, Size.ofGiB(gib), 2).withHa(new HaSpec(true, p));
    }

    @Test
    void highPriorityGoesFirstAndTakesTheRoomWhenThereIsNotEnough() {
        ClusterSpec cluster = new ClusterSpec("c", null, List.of(host("a", 32)), List.of());
        RecoveryPlacer placer = new RecoveryPlacer(cluster);
        RecoveryPlacer.Plan plan = placer.place(List.of(ha("low", 16, RestartPriority.LOW),
                ha("high", 24, RestartPriority.HIGH), ha("medium", 8, RestartPriority.MEDIUM)), Map.of(), List.of("a"));
        assertThat(plan.assignments()).extracting(RecoveryPlacer.Assignment::vm).containsExactly("high", "medium");
        assertThat(plan.unplaced()).extracting(RecoveryPlacer.Unplaced::vm).containsExactly("low");
        assertThat(plan.unplaced().get(0).reason()).isEqualTo("memory: needs 16GiB, host a has 0B left of 32GiB (L-07), short by 16GiB");
    }

    @Test
    void vmsSpreadToTheHostWithTheMostFreeMemory() {
        ClusterSpec cluster = new ClusterSpec("c", null, List.of(host("a", 64), host("b", 64)), List.of());
        Map<String, HostLoad> loads = new TreeMap<>();
        loads.put("a", HostLoad.EMPTY.plus(VmSpec.of("x", Size.ofGiB(40), 1)));
        RecoveryPlacer.Plan plan = new RecoveryPlacer(cluster).place(List.of(ha("v1", 8, RestartPriority.HIGH),
                ha("v2", 8, RestartPriority.HIGH)), loads, List.of("a", "b"));
        assertThat(plan.assignments()).extracting(RecoveryPlacer.Assignment::host).containsExactly("b", "b");
    }

    @Test
    void overcommitAndVcpuLimitsAreHonoured() {
        ClusterSpec off = new ClusterSpec("c", null, List.of(host("a", 16)), List.of());
        ClusterSpec on = off.withSettings(new ClusterSettings(new Overcommit(2.0, 1.0), false));
        List<VmSpec> vms = List.of(ha("v1", 12, RestartPriority.HIGH), ha("v2", 12, RestartPriority.HIGH));
        assertThat(new RecoveryPlacer(off).place(vms, Map.of(), List.of("a")).unplaced()).hasSize(1);
        assertThat(new RecoveryPlacer(on).place(vms, Map.of(), List.of("a")).unplaced()).isEmpty();
        VmSpec wide = VmSpec.of("wide", Size.ofGiB(1), 129).withHa(new HaSpec(true, RestartPriority.HIGH));
        assertThat(new RecoveryPlacer(on).place(List.of(wide), Map.of(), List.of("a")).unplaced().get(0).reason())
                .contains("vCPUs: needs 129").contains("L-05");
    }

    @Test
    void customModeNeedsAHostOfferingTheClusterBaseline() {
        CpuCatalogue cpus = CpuCatalogue.standard();
        HostSpec old = host("old", 64).withCpu(cpus.hostCpu("SandyBridge"));
        HostSpec intel = host("new", 256).withCpu(cpus.hostCpu("Icelake-Server"));
        ClusterSpec cluster = new ClusterSpec("c", null, List.of(old, intel), List.of());
        VmSpec custom = ha("c1", 8, RestartPriority.HIGH).withCpuMode(CpuMode.CUSTOM);
        RecoveryPlacer.Plan plan = new RecoveryPlacer(cluster).place(List.of(custom), Map.of(), List.of("new", "old"));
        assertThat(plan.assignments()).extracting(RecoveryPlacer.Assignment::host).containsExactly("new");
        HostSpec amd = host("amd", 256).withCpu(cpus.hostCpu("EPYC-Rome"));
        ClusterSpec mixed = new ClusterSpec("c", null, List.of(intel, amd), List.of());
        assertThat(new RecoveryPlacer(mixed).place(List.of(custom), Map.of(), List.of("new", "amd")).unplaced())
                .as("no baseline between vendors").hasSize(1);
    }

    @Test
    void nobodyUpMeansNothingPlacedAndEveryVmReported() {
        ClusterSpec cluster = new ClusterSpec("c", null, List.of(host("a", 64)), List.of());
        RecoveryPlacer.Plan plan = new RecoveryPlacer(cluster).place(List.of(ha("v", 8, RestartPriority.LOW)), Map.of(),
                List.of());
        assertThat(plan.unplaced()).extracting(RecoveryPlacer.Unplaced::reason).containsExactly("no host is up to take it");
    }

    @Property(tries = 200)
    void noHostIsEverOverfilledAndEveryVmIsPlacedOrReported(@ForAll @IntRange(min = 1, max = 20) int hosts,
                                                           @ForAll @IntRange(min = 0, max = 120) int vms,
                                                           @ForAll @IntRange(min = 1, max = 64) int vmGiB) {
        List<HostSpec> hostList = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            hostList.add(host("h" + h, 32 + 16 * (h % 4)));
            names.add("h" + h);
        }
        ClusterSpec cluster = new ClusterSpec("c", null, hostList, List.of());
        List<VmSpec> list = new ArrayList<>();
        for (int v = 0; v < vms; v++) {
            list.add(ha("v" + v, 1 + (v * 7 + vmGiB) % vmGiB, RestartPriority.values()[v % 3]));
        }
        RecoveryPlacer.Plan plan = new RecoveryPlacer(cluster).place(list, Map.of(), names);
        assertThat(plan.assignments().size() + plan.unplaced().size()).isEqualTo(vms);
        TreeMap<String, Long> used = new TreeMap<>();
        for (RecoveryPlacer.Assignment a : plan.assignments()) {
            VmSpec vm = list.stream().filter(x -> x.name().equals(a.vm())).findFirst().orElseThrow();
            used.merge(a.host(), vm.memory().bytes(), Long::sum);
        }
        for (HostSpec h : hostList) {
            assertThat(used.getOrDefault(h.name(), 0L)).isLessThanOrEqualTo(h.memory().bytes());
        }
        // Whatever is reported did not fit the host with the most room left.
        if (!plan.unplaced().isEmpty()) {
            assertThat(plan.unplaced().get(0).reason()).contains("L-0");
        }
    }
}
