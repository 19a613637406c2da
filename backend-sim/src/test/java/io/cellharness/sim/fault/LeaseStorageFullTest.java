package io.cellharness.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.ha.HaPolicy;
import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.limits.Limits;
import io.cellharness.sim.scenario.HciClusters;
import io.cellharness.sim.scenario.SimOutcome;
import io.cellharness.sim.scenario.SimRequest;
import io.cellharness.sim.scenario.SimRun;
import io.cellharness.sim.world.SimSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** lease-storage-full: heartbeat writes fail with an error (not a timeout) while it lasts, and succeed after. */
class LeaseStorageFullTest {

    private static SimRun run(HaPolicy policy) {
        return SimRun.prepare(new SimRequest("lease full", HciClusters.of(4, 2),
                List.of(new ScheduledFault(10_000, new Fault.LeaseStorageFull(), 60_000)), List.of(), Map.of(),
                120_000, Limits.SIM_QUIET_PERIOD_MS, 5, HaSettings.DEFAULTS, SimSettings.DEFAULTS, List.of(),
                List.of("lease-full")).withPolicy(policy));
    }

    @Test
    void writesFailWhileTheAreaIsFullAndSucceedAfterwards() {
        SimRun run = run(HaPolicy.CELL);
        run.runTo(20_000);
        long during = run.cluster().storage().heartbeatCounter("cube1");
        long lastWrite = run.cluster().storage().lastHeartbeatWrite("cube1");
        run.runTo(60_000);
        // The effect: no heartbeat is written while the area is full (every write failed, none timed out).
        assertThat(run.cluster().storage().heartbeatCounter("cube1")).isEqualTo(during);
        assertThat(run.cluster().storage().lastHeartbeatWrite("cube1")).isEqualTo(lastWrite).isLessThan(11_000);
        run.runTo(80_000);
        // The end: writes succeed again.
        assertThat(run.cluster().storage().heartbeatCounter("cube1")).isGreaterThan(during);
        // The hosts stay in contact with the manager, so no watchdog fires and nobody is fenced (H-06, H-07).
        SimOutcome outcome = run.finish();
        assertThat(outcome.passed()).as(outcome.failures().toString()).isTrue();
        assertThat(run.haEvents().fences()).isEmpty();
        assertThat(run.sim().trace().lines()).isPositive();
    }
}
