package io.cellharness.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.port.Hypervisor;
import io.cellharness.core.port.HypervisorContract;
import io.cellharness.core.port.OpResult;
import io.cellharness.sim.Simulation;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hypervisor contract on the simulator: one host's simulated libvirtd as the manager reaches it (over the
 * simulated management network), a fresh simulation per test. Waiting runs virtual time; "on the engine" means inside
 * the simulation's event loop, the only place the simulated world delivers anything.
 */
class SimHypervisorContractTest extends HypervisorContract {

    /** Longer than any call may take: a call completes, at the latest unknown, after the libvirt timeout. */
    private static final long BOUND_MILLIS = 10 * Limits.SIM_LIBVIRT_TIMEOUT_MS;

    private Simulation sim;
    private Hypervisor hypervisor;
    private boolean inEventLoop;

    @BeforeEach
    void world() {
        sim = new Simulation(6);
        HostSpec host = new HostSpec("cube1", 64, Size.ofGiB(512), null, null, null, null, null, null);
        SimCluster cluster = new SimCluster(sim, new ClusterSpec("contract", null, List.of(host), List.of()),
                SimSettings.DEFAULTS);
        hypervisor = cluster.hypervisors(cluster.managerProcess("contract")).of("cube1");
    }

    @Override
    protected Hypervisor hypervisor() {
        return hypervisor;
    }

    @Override
    protected <T> OpResult<T> await(CompletionStage<OpResult<T>> operation) {
        AtomicReference<OpResult<T>> result = new AtomicReference<>();
        operation.thenAccept(result::set);
        run(() -> result.get() != null);
        assertThat(result.get()).as("a completion within %d virtual ms", BOUND_MILLIS).isNotNull();
        return result.get();
    }

    @Override
    protected void awaitUntil(BooleanSupplier condition, Supplier<String> state) {
        run(condition);
        assertThat(condition.getAsBoolean()).as("within %d virtual ms; %s", BOUND_MILLIS, state.get()).isTrue();
    }

    private void run(BooleanSupplier until) {
        inEventLoop = true;
        try {
            sim.runUntil(until, sim.nowMillis() + BOUND_MILLIS, Limits.SIM_MAX_EVENTS);
        } finally {
            inEventLoop = false;
        }
    }

    @Override
    protected boolean onEngine() {
        return inEventLoop;
    }

    /** Nothing runs in the simulated world until the test runs the simulation: the engine is held by construction. */
    @Override
    protected <T> T whileEngineBusy(Supplier<T> action) {
        return action.get();
    }
}
