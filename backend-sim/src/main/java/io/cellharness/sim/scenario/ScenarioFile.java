package io.cellharness.sim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cellharness.core.model.ClusterSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A simulation scenario, as written in YAML (README "Scenario files", examples under {@code examples/scenarios/}).
 *
 * @param name        a title
 * @param description what it shows
 * @param cluster     the cluster, inline (the cluster file format)
 * @param clusterFile or a cluster file, relative to the scenario file
 * @param duration    how long the fault schedule runs; then every fault heals and the cluster runs quietly
 * @param quietPeriod how long the healthy cluster runs before liveness is checked (default 2m)
 * @param seed        the seed used when the command line gives none
 * @param ha          HA settings changed from the defaults
 * @param dirtyRates  guest memory dirty rate per VM, MiB/s (G-03)
 * @param links       links with their own latency or loss
 * @param faults      the fault schedule
 * @param actions     operator actions (migrations)
 * @param expect      expectations checked at the end
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ScenarioFile(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("cluster") ClusterSpec cluster,
        @JsonProperty("clusterFile") String clusterFile,
        @JsonProperty(value = "duration", required = true) VirtualDuration duration,
        @JsonProperty("quietPeriod") VirtualDuration quietPeriod,
        @JsonProperty("seed") Long seed,
        @JsonProperty("ha") HaOverrides ha,
        @JsonProperty("dirtyRates") Map<String, Double> dirtyRates,
        @JsonProperty("links") List<LinkSpec> links,
        @JsonProperty("faults") List<FaultEntry> faults,
        @JsonProperty("actions") List<ActionEntry> actions,
        @JsonProperty("expect") List<Expectation> expect) {

    public ScenarioFile {
        dirtyRates = dirtyRates == null ? new TreeMap<>() : new TreeMap<>(dirtyRates);
        links = links == null ? List.of() : List.copyOf(links);
        faults = faults == null ? List.of() : List.copyOf(faults);
        actions = actions == null ? List.of() : List.copyOf(actions);
        expect = expect == null ? List.of() : List.copyOf(expect);
    }

    public ScenarioFile withCluster(ClusterSpec newCluster) {
        return new ScenarioFile(name, description, newCluster, null, duration, quietPeriod, seed, ha, dirtyRates, links,
                faults, actions, expect);
    }
}
