package io.cellharness.sim.scenario;

import io.cellharness.core.ha.HaPolicy;
import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.ha.cloudstack.CloudStackHaSettings;
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
 * @param policy          the HA policy the manager runs ({@code ha.policy}; Cell by default)
 * @param cloudStack      the CloudStack policy's settings (used when it runs)
 */
public record SimRequest(String name, ClusterSpec cluster, List<ScheduledFault> faults, List<ActionEntry> actions,
                         Map<String, Double> dirtyRates, long durationMillis, long quietMillis, long seed,
                         HaSettings ha, SimSettings sim, List<Expectation> expectations, List<String> replay,
                         List<LinkSpec> links, HaPolicy policy, CloudStackHaSettings cloudStack) {

    /** A request for the Cell policy. */
    public SimRequest(String name, ClusterSpec cluster, List<ScheduledFault> faults, List<ActionEntry> actions,
                      Map<String, Double> dirtyRates, long durationMillis, long quietMillis, long seed, HaSettings ha,
                      SimSettings sim, List<Expectation> expectations, List<String> replay, List<LinkSpec> links) {
        this(name, cluster, faults, actions, dirtyRates, durationMillis, quietMillis, seed, ha, sim, expectations, replay,
                links, HaPolicy.CELL, CloudStackHaSettings.DEFAULTS);
    }

    /** A request whose links all have their network's latency and no loss of their own. */
    public SimRequest(String name, ClusterSpec cluster, List<ScheduledFault> faults, List<ActionEntry> actions,
                      Map<String, Double> dirtyRates, long durationMillis, long quietMillis, long seed, HaSettings ha,
                      SimSettings sim, List<Expectation> expectations, List<String> replay) {
        this(name, cluster, faults, actions, dirtyRates, durationMillis, quietMillis, seed, ha, sim, expectations, replay,
                List.of());
    }

    public SimRequest {
        policy = policy == null ? HaPolicy.CELL : policy;
        cloudStack = cloudStack == null ? CloudStackHaSettings.DEFAULTS : cloudStack;
        links = List.copyOf(links);
        faults = List.copyOf(faults);
        actions = List.copyOf(actions);
        dirtyRates = new TreeMap<>(dirtyRates);
        expectations = List.copyOf(expectations);
        replay = List.copyOf(replay);
    }

    public SimRequest withSeed(long newSeed) {
        return new SimRequest(name, cluster, faults, actions, dirtyRates, durationMillis, quietMillis, newSeed, ha, sim,
                expectations, replay, links, policy, cloudStack);
    }

    /** The same run under {@code newPolicy}, chosen on the command line: the replay line says so. */
    public SimRequest withPolicyOnCommandLine(HaPolicy newPolicy) {
        List<String> args = new java.util.ArrayList<>(replay);
        args.add("--policy");
        args.add(newPolicy.word());
        return new SimRequest(name, cluster, faults, actions, dirtyRates, durationMillis, quietMillis, seed, ha, sim,
                expectations, args, links, newPolicy, cloudStack);
    }

    /** The same run under another HA policy: the same world, faults and seed (cell sim --compare-policies). */
    public SimRequest withPolicy(HaPolicy newPolicy) {
        return new SimRequest(name, cluster, faults, actions, dirtyRates, durationMillis, quietMillis, seed, ha, sim,
                expectations, replay, links, newPolicy, cloudStack);
    }
}
