package io.cellharness.features.backend;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.port.Hypervisor;
import io.cellharness.core.port.Hypervisors;
import io.cellharness.core.port.OpResult;
import io.cellharness.sim.Simulation;
import io.cellharness.sim.world.ProcessScope;
import io.cellharness.sim.world.SimCluster;
import io.cellharness.sim.world.SimSettings;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator as a scenario backend: two large hosts ({@code cube1}, {@code cube2}, the largest a supported host
 * may be, L-06) on a fresh simulation per scenario, reached from the manager's node.
 */
public final class SimScenarioBackend implements ScenarioBackend {

    /** The hosts every simulated scenario backend offers. */
    public static final List<String> HOSTS = List.of("cube1", "cube2");

    private final Simulation sim;
    private final SimCluster cluster;
    private final Hypervisors hypervisors;

    public SimScenarioBackend(long seed) {
        this.sim = new Simulation(seed);
        List<HostSpec> hosts = HOSTS.stream().map(h -> new HostSpec(h, Limits.HOST_MAX_CORES,
                Size.ofBytes(Limits.HOST_MAX_MEMORY_BYTES), null, null, null, null, null, null)).toList();
        this.cluster = new SimCluster(sim, new ClusterSpec("scenario", null, hosts, List.of()), SimSettings.DEFAULTS);
        ProcessScope manager = cluster.managerProcess("scenario");
        this.hypervisors = cluster.hypervisors(manager);
    }

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public List<String> hosts() {
        return HOSTS;
    }

    @Override
    public Hypervisor hypervisor(String host) {
        return hypervisors.of(host);
    }

    public SimCluster cluster() {
        return cluster;
    }

    @Override
    public <T> OpResult<T> await(CompletionStage<OpResult<T>> operation) {
        AtomicReference<OpResult<T>> result = new AtomicReference<>();
        operation.thenAccept(result::set);
        sim.runUntil(() -> result.get() != null, sim.nowMillis() + 10 * Limits.SIM_LIBVIRT_TIMEOUT_MS, Limits.SIM_MAX_EVENTS);
        if (result.get() == null) {
            return OpResult.unknown("no answer within " + 10 * Limits.SIM_LIBVIRT_TIMEOUT_MS + " virtual ms");
        }
        return result.get();
    }

    @Override
    public void close() {
    }
}
