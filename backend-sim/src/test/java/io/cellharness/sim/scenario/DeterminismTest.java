package io.cellharness.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A seed names a run: the same seed gives the same trace, byte for byte; different seeds give different runs. */
class DeterminismTest {

    static SimOutcome random(long seed) {
        return SimRun.prepare(RandomScenario.generate(seed, 6, 40, 300_000)).finish();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 1_000_003, -5})
    void theSameSeedGivesTheSameTraceHash(long seed) {
        SimOutcome a = random(seed);
        SimOutcome b = random(seed);
        assertThat(b.traceSha256()).isEqualTo(a.traceSha256());
        assertThat(b.events()).isEqualTo(a.events());
        assertThat(b.traceLines()).isEqualTo(a.traceLines());
        assertThat(a.traceLines()).as("the trace is not trivially empty").isGreaterThan(20);
    }

    @Test
    void differentSeedsGiveDifferentTraces() {
        TreeSet<String> hashes = new TreeSet<>();
        for (long seed = 1; seed <= 12; seed++) {
            hashes.add(random(seed).traceSha256());
        }
        assertThat(hashes).hasSize(12);
    }

    @Test
    void traceLinesAreIdenticalNotJustTheirHash() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        SimRun a = SimRun.prepare(RandomScenario.generate(9, 5, 20, 180_000));
        a.sim().trace().addSink(first::add);
        a.finish();
        SimRun b = SimRun.prepare(RandomScenario.generate(9, 5, 20, 180_000));
        b.sim().trace().addSink(second::add);
        b.finish();
        assertThat(second).isEqualTo(first);
    }
}
