package io.cellharness.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.features.run.Catalogue;
import io.cellharness.features.run.RunSummary;
import io.cellharness.features.run.ScenarioOutcome;
import io.cellharness.features.run.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every documented behaviour is encoded: each ID of SPEC.md has a scenario tagged with it, and each ID marked
 * [libvirt] has one that also runs on the libvirt backend (tagged {@code @libvirt}).
 */
class CatalogueCoverageTest {

    static Catalogue catalogue;
    static RunSummary scenarios;

    @BeforeAll
    static void listScenarios() {
        catalogue = Catalogue.load();
        scenarios = ScenarioRunner.list();
    }

    @Test
    void theCatalogueIsTheWholeOfSpecMd() {
        assertThat(catalogue.ids()).hasSize(54).contains("L-01", "H-10", "A-02");
        assertThat(catalogue.entries().stream().filter(Catalogue.Entry::libvirt).map(Catalogue.Entry::id))
                .contains("L-01", "C-04", "G-02", "N-04");
    }

    @Test
    void theCopyOfSpecMdMatchesTheSharedOneWhereverItIsBeside() throws Exception {
        // In the engineers' workspace the catalogue's source sits beside the checkout; a CI clone has only the copy.
        Path shared = Path.of("..", "..", "shared", "SPEC.md");
        if (Files.exists(shared)) {
            assertThat(Catalogue.parse(Files.readString(shared))).isEqualTo(catalogue);
        }
        assertThat(catalogue.ids()).first().isEqualTo("L-01");
    }

    @Test
    void everyCatalogueIdHasAScenario() {
        TreeSet<String> tagged = new TreeSet<>();
        scenarios.scenarios().forEach(s -> tagged.addAll(s.ids()));
        assertThat(scenarios.scenarios()).hasSizeGreaterThan(100);
        List<String> missing = catalogue.ids().stream().filter(id -> !tagged.contains(id)).toList();
        assertThat(missing).as("catalogue IDs without a scenario").isEmpty();
    }

    @Test
    void everyLibvirtIdHasAScenarioThatRunsOnLibvirt() {
        TreeSet<String> onLibvirt = new TreeSet<>();
        for (ScenarioOutcome s : scenarios.scenarios()) {
            if (s.tags().contains("libvirt")) {
                onLibvirt.addAll(s.ids());
            }
        }
        List<String> missing = catalogue.entries().stream().filter(Catalogue.Entry::libvirt).map(Catalogue.Entry::id)
                .filter(id -> !onLibvirt.contains(id)).toList();
        assertThat(missing).as("[libvirt] IDs without a @libvirt scenario").isEmpty();
    }

    @Test
    void noScenarioNamesAnIdTheCatalogueDoesNotHave() {
        TreeSet<String> unknown = new TreeSet<>();
        scenarios.scenarios().forEach(s -> s.ids().stream().filter(id -> !catalogue.ids().contains(id)).forEach(unknown::add));
        assertThat(unknown).isEmpty();
    }
}
