package io.cellharness.perf;

import io.cellharness.core.capacity.HostLoad;
import io.cellharness.core.ha.RecoveryPlacer;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.VmSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * H-04, H-08: one placement round as the HA manager runs it after fencing: the HA VMs of {@code failedHosts} hosts
 * (spread evenly over the cluster) placed on the {@code clusterHosts - failedHosts} survivors, given the load of every
 * host. The placer, the loads and the candidates are built untimed; {@link RecoveryPlacer#place} does not change them.
 *
 * <p>Baseline: reading every candidate's load once, the linear floor any placer that looks at every host pays.
 * Target (issue 8): 10 failed hosts of 1,000 in under 5 ms, the cost growing no worse than n log n in the cluster size.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 4, time = 1) // the 10,000-host rounds take a while to reach compiled code on 2 cores
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class RecoveryPlacementBenchmark {

    @Param({"100", "1000", "10000"})
    public int clusterHosts;

    @Param({"1", "10", "100"})
    public int failedHosts;

    /** One placement round's inputs. */
    public record Round(RecoveryPlacer placer, List<VmSpec> homeless, TreeMap<String, HostLoad> loads,
                       List<String> candidates) {
    }

    private Round round;

    /**
     * The inputs of the round after {@code failedHosts} of {@code clusterHosts} hosts failed: their HA VMs, every
     * survivor's load, the survivors as candidates.
     */
    public static Round round(int clusterHosts, int failedHosts) {
        if (failedHosts >= clusterHosts) {
            throw new IllegalArgumentException(failedHosts + " failed hosts leave no survivor among " + clusterHosts);
        }
        ClusterSpec cluster = BenchmarkClusters.cluster(clusterHosts);
        List<HostSpec> hosts = cluster.hosts();
        TreeSet<String> failed = new TreeSet<>();
        for (int f = 0; f < failedHosts; f++) {
            failed.add(hosts.get((int) ((long) f * clusterHosts / failedHosts)).name());
        }
        List<VmSpec> homeless = new ArrayList<>();
        TreeMap<String, HostLoad> loads = new TreeMap<>();
        for (VmSpec vm : cluster.vms()) {
            if (failed.contains(vm.host())) {
                if (vm.ha().enabled()) {
                    homeless.add(vm);
                }
            } else {
                loads.merge(vm.host(), HostLoad.EMPTY.plus(vm), (a, b) -> a.plus(vm));
            }
        }
        List<String> candidates = new ArrayList<>();
        for (HostSpec h : hosts) {
            if (!failed.contains(h.name())) {
                candidates.add(h.name());
            }
        }
        return new Round(new RecoveryPlacer(cluster), homeless, loads, candidates);
    }

    @Setup(Level.Trial)
    public void fail() {
        round = round(clusterHosts, failedHosts);
        RecoveryPlacer.Plan plan = place();
        if (!plan.unplaced().isEmpty()) {
            throw new IllegalStateException("the benchmark cluster should take every HA VM; unplaced: "
                    + plan.unplaced().get(0));
        }
    }

    @Benchmark
    public RecoveryPlacer.Plan place() {
        return round.placer().place(round.homeless(), round.loads(), round.candidates());
    }

    @Benchmark
    public long baselineReadEveryLoad() {
        long memory = 0;
        TreeMap<String, HostLoad> loads = round.loads();
        for (String host : round.candidates()) {
            memory += loads.getOrDefault(host, HostLoad.EMPTY).memoryBytes();
        }
        return memory + round.homeless().size();
    }
}
