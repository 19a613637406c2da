package io.cellharness.core.mac;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.RandomSource;
import io.cellharness.core.port.SeededRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** M-01 under churn: a long property of its own, so that mutation testing can leave it out (it is slow). */
class MacAllocatorChurnTest {

    /**
     * M-01 over at least 100,000 allocations: VMs are created (their NICs get MACs) and destroyed (their MACs are
     * freed), and the manager restarts now and then, rebuilding its allocator from the specifications alone, with a
     * fresh random stream. At every step the MACs of live NICs are unique.
     */
    @Property(tries = 5)
    void macsStayUniqueAcrossCreateDestroyAndRestart(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        RandomSource workload = new SeededRandom(seed).split("workload");
        MacAllocator allocator = new MacAllocator(new SeededRandom(seed).split("mac-0"));
        Map<String, VmSpec> live = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        int allocations = 0;
        int restarts = 0;
        int next = 0;
        while (allocations < 100_000) {
            int action = workload.nextInt(100);
            if (action < 60 || live.isEmpty()) {
                int nics = 1 + workload.nextInt(8);
                List<VmNicSpec> list = new ArrayList<>();
                for (int i = 0; i < nics; i++) {
                    list.add(new VmNicSpec(null, null, null, null));
                }
                VmSpec vm = allocator.assignMissing(VmSpec.of("vm" + next++, Size.ofGiB(1), 1).withNics(list));
                live.put(vm.name(), vm);
                names.add(vm.name());
                allocations += nics;
            } else if (action < 99) {
                // Swap-remove from the list of names: constant time, so the churn stays fast on a busy machine.
                int pick = workload.nextInt(names.size());
                String victim = names.get(pick);
                names.set(pick, names.get(names.size() - 1));
                names.remove(names.size() - 1);
                for (VmNicSpec nic : live.remove(victim).nics()) {
                    allocator.release(MacAddress.parse(nic.mac()));
                }
            } else {
                List<MacAllocator.Registration> problems = new ArrayList<>();
                ClusterSpec persisted = new ClusterSpec("c", null, List.of(), new ArrayList<>(live.values()));
                allocator = MacAllocator.rebuild(persisted, new SeededRandom(seed).split("mac-" + ++restarts), problems);
                assertThat(problems).isEmpty();
            }
            if (allocations % 10_000 < 8) {
                assertUnique(live);
            }
        }
        assertUnique(live);
        assertThat(allocations).isGreaterThanOrEqualTo(100_000);
        assertThat(allocator.size()).isEqualTo(live.values().stream().mapToInt(v -> v.nics().size()).sum());
    }

    private static void assertUnique(Map<String, VmSpec> live) {
        TreeSet<String> seen = new TreeSet<>();
        int total = 0;
        for (VmSpec vm : live.values()) {
            for (VmNicSpec nic : vm.nics()) {
                seen.add(nic.mac());
                total++;
            }
        }
        assertThat(seen).hasSize(total);
    }
}
