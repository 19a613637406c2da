package io.cellharness.sim.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.ha.FenceChannel;
import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.ha.HostHaState;
import io.cellharness.core.limits.Limits;
import io.cellharness.sim.scenario.HciClusters;
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
            cluster = new SimCluster(sim, HciClusters.of(hosts, vmsPerHost), SimSettings.DEFAULTS);
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

    @Test
    void anHaVmStoppedOnItsLiveHostIsRestarted() { // H-08
        Run run = new Run(2, 4, 3);
        run.runTo(30_000);
        run.cluster.hypervisors(run.cluster.managerProcess("test")).of("cube1").destroy("vm-1-2");
        run.runTo(60_000);

        assertThat(run.sim.invariants().violations()).isEmpty();
        assertThat(run.ha.events().alerts()).extracting(HaEvents.Alert::message)
                .contains("HA VM vm-1-2 stopped on live host cube1; restarting it");
        assertThat(run.cluster.ledger().hostsOf("vm-1-2")).hasSize(1);
    }

    /**
     * The manager reconciles a heartbeat against the VMs it believes on that host; a VM it restarted elsewhere must
     * count as that host's from then on, or a second stop there would go unnoticed.
     */
    @Test
    void aVmRestartedOnAnotherHostIsWatchedThereAndRestartedAgainWhenItStops() { // H-04, H-08
        Run run = new Run(3, 4, 3);
        run.runTo(30_000);
        run.cluster.host("cube2").crash("test");
        run.runTo(120_000);
        java.util.List<String> where = run.cluster.ledger().hostsOf("vm-2-1");
        assertThat(where).hasSize(1).doesNotContain("cube2");
        String newHost = where.get(0);

        run.cluster.hypervisors(run.cluster.managerProcess("test")).of(newHost).destroy("vm-2-1");
        run.runTo(180_000);

        assertThat(run.sim.invariants().violations()).isEmpty();
        assertThat(run.ha.events().alerts()).extracting(HaEvents.Alert::message)
                .contains("HA VM vm-2-1 stopped on live host " + newHost + "; restarting it");
        assertThat(run.cluster.ledger().hostsOf("vm-2-1")).hasSize(1);
        assertThat(run.ha.manager().placementOf("vm-2-1")).isEqualTo(run.cluster.ledger().hostsOf("vm-2-1").stream()
                .findFirst());
    }
}
