package io.cellharness.perf;

import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.sim.scenario.RandomScenario;
import io.cellharness.sim.scenario.SimRequest;
import io.cellharness.sim.world.SimSettings;
import java.util.List;

/**
 * The clusters the benchmarks measure: the random mode's HCI hosts (32 cores, 256 GiB, a BMC, a storage controller,
 * two bonds) with {@link #VMS_PER_HOST} VMs each, 80 % of them HA, drawn from a fixed seed, so every run measures the
 * same cluster.
 */
public final class BenchmarkClusters {

    /** VMs per host in every benchmark cluster (issue 8). */
    public static final int VMS_PER_HOST = 20;
    /** The seed of every benchmark cluster and simulation. */
    public static final long SEED = 8;
    /** One simulated hour. */
    public static final long HOUR_MILLIS = 3_600_000L;

    private BenchmarkClusters() {
    }

    /** {@code hosts} hosts and {@code hosts x 20} VMs, placed round-robin, as {@code cell simulate --random} builds them. */
    public static ClusterSpec cluster(int hosts) {
        return RandomScenario.generate(SEED, hosts, hosts * VMS_PER_HOST, HOUR_MILLIS).cluster();
    }

    /**
     * A simulation of {@code hosts} hosts with no faults for {@code durationMillis}, with the HA defaults (1 s
     * heartbeats) and the default world physics.
     */
    public static SimRequest quietRun(int hosts, long durationMillis) {
        SimRequest random = RandomScenario.generate(SEED, hosts, hosts * VMS_PER_HOST, durationMillis);
        return new SimRequest("perf-quiet-" + hosts, random.cluster(), List.of(), List.of(), random.dirtyRates(),
                durationMillis, 0, SEED, HaSettings.DEFAULTS, SimSettings.DEFAULTS, List.of(), List.of());
    }
}
