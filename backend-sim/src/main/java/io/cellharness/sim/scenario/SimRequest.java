package io.cellharness.sim.scenario;

import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.sim.fault.ScheduledFault;
import io.cellharness.sim.world.SimSettings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one simulation run needs.
 *
 * @param name            scenario name, for reports
 * @param cluster         the cluster
 * @param faults          the fault schedule
 * @param actions         operator actions
 * @param dirtyRates      guest dirty rates, MiB/s
 * @param durationMillis  how long the faults run
 * @param quietMillis     how long the healed cluster runs before liveness is checked
 * @param seed            the seed
 * @param ha              HA engine settings
 * @param sim             simulated world physics
 * @param expectations    what the scenario expects
 * @param replay          the command-line arguments that replay this run (without {@code --seed})
 * @param links           links with their own latency or loss
 */
public record SimRequest(String name, ClusterSpec cluster, List<ScheduledFault> faults, List<ActionEntry> actions,
                         Map<String, Double> dirtyRates, long durationMillis, long quietMillis, long seed,
                         HaSettings ha, SimSettings sim, List<Expectation> expectations, List<String> replay,
                         List<LinkSpec> links) {

    /** A request whose links all have their network's latency and no loss of their own. */
    public SimRequest(String name, ClusterSpec cluster, List<ScheduledFault> faults, List<ActionEntry> actions,
                      Map<String, Double> dirtyRates, long durationMillis, long quietMillis, long seed, HaSettings ha,
                      SimSettings sim, List<Expectation> expectations, List<String> replay) {
        this(name, cluster, faults, actions, dirtyRates, durationMillis, quietMillis, seed, ha, sim, expectations, replay,
                List.of());
    }

    public SimRequest {
        links = List.copyOf(links);
        faults = List.copyOf(faults);
        actions = List.copyOf(actions);
        dirtyRates = new TreeMap<>(dirtyRates);
        expectations = List.copyOf(expectations);
        replay = List.copyOf(replay);
    }

    public SimRequest withSeed(long newSeed) {
        return new SimRequest(name, cluster, faults, actions, dirtyRates, durationMillis, quietMillis, newSeed, ha, sim,
                expectations, replay, links);
    }
}
