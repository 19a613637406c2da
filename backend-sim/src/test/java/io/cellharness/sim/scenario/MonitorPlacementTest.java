package io.cellharness.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.port.SeededRandom;
import io.cellharness.sim.world.SimSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * S-04 as deployed: a random cluster runs 3 or 5 Glue monitors whatever its size, and a host probes only those, so
 * the random mode's work per host and per simulated second does not grow with the cluster (issue 18).
 */
class MonitorPlacementTest {

    @ParameterizedTest
    @CsvSource({"2, 2", "3, 3", "10, 3", "15, 3", "16, 5", "100, 5", "1000, 5"})
    void aRandomClusterRunsThreeOrFiveMonitors(int hosts, int monitors) {
        ClusterSpec cluster = RandomScenario.cluster(new SeededRandom(1), hosts, 0);
        List<String> withMonitor = cluster.hosts().stream()
                .filter(h -> h.storageController() != null && h.storageController().runsMonitor())
                .map(HostSpec::name).toList();
        assertThat(withMonitor).hasSize(monitors).contains("cube001");
        assertThat(cluster.hosts()).allMatch(h -> h.storageController() != null, "every host is HCI");
    }

    @Test
    void theMonitorsAreSpreadOverTheHosts() {
        ClusterSpec cluster = RandomScenario.cluster(new SeededRandom(1), 100, 0);
        assertThat(cluster.hosts().stream().filter(h -> h.storageController().runsMonitor()).map(HostSpec::name))
                .containsExactly("cube001", "cube021", "cube041", "cube061", "cube081");
    }

    @Test
    void eventsPerHostAndSecondStayFlatAsTheClusterGrows() {
        double small = eventsPerHostSecond(10);
        double large = eventsPerHostSecond(80);
        // Every host probing every monitor made this grow with the cluster (22 at 10 hosts, 311 at 300).
        assertThat(large / small).as("events per host per second, 80 hosts / 10 hosts").isLessThan(1.5);
    }

    @Test
    void aProbePeriodIsHostsTimesMonitorsNotHostsSquared() {
        SimRun run = SimRun.prepare(quiet(40, 0));
        run.runTo(60_000);
        var selector = run.glue().selector();
        assertThat(selector.hosts()).hasSize(40);
        for (String host : selector.hosts()) {
            assertThat(selector.monitorOrder(host)).as(host + " probes").hasSize(5);
        }
    }

    private static double eventsPerHostSecond(int hosts) {
        SimRun run = SimRun.prepare(quiet(hosts, 0));
        run.runTo(60_000);
        return run.sim().executedEvents() / 60.0 / hosts;
    }

    /** The random mode's cluster with no faults: only the periodic work of the engine and the world. */
    private static SimRequest quiet(int hosts, long seed) {
        SimRequest random = RandomScenario.generate(seed, hosts, hosts * 20, 120_000);
        return new SimRequest("quiet", random.cluster(), List.of(), List.of(), random.dirtyRates(), 120_000, 0, seed,
                HaSettings.DEFAULTS, SimSettings.DEFAULTS, List.of(), List.of());
    }
}
