package io.cellharness.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.features.run.Catalogue;
import io.cellharness.features.run.RunSummary;
import io.cellharness.features.run.ScenarioOutcome;
import io.cellharness.features.run.ScenarioRunner;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A scenario tagged {@code @wip} is never run and in no count, but listed as pending with its IDs (the fixture
 * {@code pending-fixture.feature} on the test class path, whose only step does not exist: running it would fail).
 */
class ScenarioRunnerPendingTest {

    private static final String FIXTURE = "Fixture - a scenario whose behaviour is not built yet is pending";

    @Test
    void aWipScenarioIsListedAsPendingAndNotRun() {
        RunSummary run = ScenarioRunner.run("sim", Optional.of("@R-01"), Optional.empty());

        assertThat(run.scenarios()).extracting(ScenarioOutcome::name).doesNotContain(FIXTURE);
        assertThat(run.pending()).filteredOn(s -> s.name().equals(FIXTURE)).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(ScenarioOutcome.Status.PENDING);
            assertThat(s.ids()).containsExactly("R-01");
        });
        assertThat(run.failed()).isZero();
        assertThat(run.passed() + run.skipped()).isEqualTo(run.scenarios().size());
        if (run.scenarios().isEmpty()) {
            assertThat(run.pendingIds(Catalogue.load())).contains("R-01");
        }
    }

    @Test
    void aTagFilterThatExcludesTheWipScenarioListsNothingPendingFromIt() {
        RunSummary run = ScenarioRunner.run("sim", Optional.of("@L-09"), Optional.empty());

        assertThat(run.pending()).extracting(ScenarioOutcome::name).doesNotContain(FIXTURE);
        assertThat(run.scenarios()).isNotEmpty().allSatisfy(s -> assertThat(s.ids()).contains("L-09"));
    }
}
