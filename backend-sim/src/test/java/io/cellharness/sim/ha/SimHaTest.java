package io.cellharness.sim.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.ha.FenceChannel;
import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.ha.HostHaState;
import io.cellharness.core.limits.Limits;
import io.cellharness.sim.SimClusters;
import io.cellharness.sim.Simulation;
import io.cellharness.sim.world.SimCluster;
import io.cellharness.sim.world.SimSettings;
import org.junit.jupiter.api.Test;

class SimHaTest {

    static final class Run {
        final Simulation sim;
        final SimCluster cluster;
        final SimHa ha;

        Run(long seed, int hosts, int vmsPerHost) {
            sim = new Simulation(seed);
            cluster = new SimCluster(sim, SimClusters.hci(hosts, vmsPerHost), SimSettings.DEFAULTS);
            cluster.placeInitialVms();
            ha = SimHa.install(cluster, HaSettings.DEFAULTS);
        }

        void runTo(long millis) {
            sim.runUntil(() -> false, millis, Limits.SIM_MAX_EVENTS);
        }
    }

    @Test
    void aCrashedHostIsFencedAndItsHaVmsRestartElsewhere() {
        Run run = new Run(1, 4, 3);
        run.runTo(30_000);
        assertThat(run.ha.manager().states().values()).containsOnly(HostHaState.UP);
        run.cluster.host("cube2").crash("test");
        run.runTo(120_000);
        assertThat(run.sim.invariants().violations()).isEmpty();
        assertThat(run.ha.events().fencedThrough("cube2")).containsExactly(FenceChannel.POWER_CONFIRMED_OFF);
        for (int v = 1; v <= 3; v++) {
            assertThat(run.cluster.ledger().hostsOf("vm-2-" + v)).hasSize(1).doesNotContain("cube2");
        }
        assertThat(run.ha.recoveryClock().recoveries()).hasSize(1);
        assertThat(run.ha.recoveryClock().recoveries().get(0).recoveredAfterMillis()).isLessThan(Limits.HA_RECOVERY_BOUND_MS);
    }
}
