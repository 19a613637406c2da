package io.cellharness.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The safety registry over random fault schedules: whatever faults the seed draws, and whatever the cluster's size,
 * no invariant is violated and, once healed, every HA VM runs again.
 */
class SafetyPropertyTest {

    @Property(tries = 40)
    void noInvariantBreaksUnderRandomFaults(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long seed,
                                            @ForAll @IntRange(min = 3, max = 8) int hosts,
                                            @ForAll @IntRange(min = 0, max = 60) int vms) {
        SimOutcome outcome = SimRun.prepare(RandomScenario.generate(seed, hosts, vms, 300_000)).finish();
        assertThat(outcome.failures()).as("replay: ./cell sim %s --seed %d", String.join(" ", outcome.replay()), seed)
                .isEmpty();
    }
}
