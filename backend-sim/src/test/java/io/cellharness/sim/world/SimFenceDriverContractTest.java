package io.cellharness.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.BmcKind;
import io.cellharness.core.model.BmcSpec;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.port.FenceDriver;
import io.cellharness.core.port.FenceDriverContract;
import io.cellharness.core.port.FenceDrivers;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PowerState;
import io.cellharness.sim.Simulation;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fence driver contract on the simulator's BMC, as the manager reaches it over the simulated out-of-band network:
 * waiting runs virtual time; the BMC that does not answer and the one that loses commands are the simulator's own BMC
 * faults.
 */
class SimFenceDriverContractTest extends FenceDriverContract {

    private Simulation sim;
    private SimCluster cluster;
    private FenceDrivers drivers;

    @BeforeEach
    void world() {
        sim = new Simulation(12);
        List<HostSpec> hosts = List.of(host("cube1"), host("cube2"));
        cluster = new SimCluster(sim, new ClusterSpec("fence-contract", null, hosts, List.of()), SimSettings.DEFAULTS);
        drivers = cluster.fenceDrivers(cluster.managerProcess("contract"));
        cluster.setBmcUnreachable("cube2", true);
    }

    private static HostSpec host(String name) {
        return new HostSpec(name, 16, Size.ofGiB(64), null, null,
                new BmcSpec("10.0.0." + name.charAt(4), BmcKind.IPMI, "admin", "BMC_PASSWORD"), null, null, null);
    }

    @Override
    protected FenceDriver driver() {
        return drivers.of("cube1").orElseThrow();
    }

    @Override
    protected FenceDriver unreachableDriver() {
        return drivers.of("cube2").orElseThrow();
    }

    @Override
    protected PowerState hardwarePower() {
        return cluster.host("cube1").power();
    }

    @Override
    protected void bmcIgnoresCommands() {
        cluster.loseBmcCommands("cube1", 1_000);
    }

    @Override
    protected <T> OpResult<T> await(CompletionStage<OpResult<T>> operation) {
        AtomicReference<OpResult<T>> result = new AtomicReference<>();
        operation.thenAccept(result::set);
        long bound = 10 * SimSettings.DEFAULTS.bmcTimeoutMillis();
        sim.runUntil(() -> result.get() != null, sim.nowMillis() + bound, Limits.SIM_MAX_EVENTS);
        assertThat(result.get()).as("a completion within %d virtual ms", bound).isNotNull();
        return result.get();
    }

    @Override
    protected void pause() {
        sim.runFor(1_000, Limits.SIM_MAX_EVENTS);
    }
}
