package io.cellharness.features.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.cucumber.junit.platform.engine.Constants;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the behaviour scenarios on the JUnit Platform, exactly as the Maven suite does, and collects the outcome of
 * each scenario with its catalogue IDs.
 */
public final class ScenarioRunner {

    /** The package the feature files are in on the class path, which is also the glue package. */
    public static final String GLUE = "io.cellharness.features";
    /** The system property that chooses the backend the glue drives. */
    public static final String BACKEND_PROPERTY = "cell.backend";

    /** Names scenario-outline examples after the scenario with its values, not "Example #1.2". */
    public static final String EXAMPLE_NAMES = "cucumber.junit-platform.naming-strategy.short.example-name";

    /** The Allure plugin for Cucumber 7. */
    public static final String ALLURE_PLUGIN = "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm";

    /**
     * The tag of a scenario whose behaviour is not built yet (work in progress, another issue's): it is never run
     * with the others and never counted as passed, failed or skipped, but listed as pending.
     */
    public static final String WIP_TAG = "wip";

    private static final Pattern CATALOGUE_ID = Pattern.compile("[A-Z]-\\d{2}");

    private ScenarioRunner() {
    }

    /**
     * @param backend    {@code sim} or {@code libvirt}
     * @param tagFilter  a Cucumber tag expression, or empty for every scenario
     * @param allureResults where Allure writes one result per scenario, or empty for no Allure results
     */
    public static RunSummary run(String backend, Optional<String> tagFilter, Optional<Path> allureResults) {
        return run(backend, tagFilter, allureResults, false);
    }

    /**
     * Lists the scenarios without running their steps (Cucumber's dry run), the {@code @wip} ones included: what
     * {@link Catalogue} coverage needs.
     */
    public static RunSummary list() {
        return run("sim", Optional.empty(), Optional.empty(), true);
    }

    private static RunSummary run(String backend, Optional<String> tagFilter, Optional<Path> allureResults,
                                  boolean dryRun) {
        if (dryRun) {
            return new RunSummary(backend, guests(backend, true), execute(backend, tagFilter, Optional.empty(), true, false),
                    List.of());
        }
        List<ScenarioOutcome> ran = execute(backend, tagFilter, allureResults, false, true);
        // The @wip scenarios the filter would have chosen: listed (dry run, no steps), never run or counted.
        String wip = "@" + WIP_TAG + tagFilter.filter(t -> !t.isBlank()).map(t -> " and (" + t + ")").orElse("");
        List<ScenarioOutcome> pending = new ArrayList<>();
        for (ScenarioOutcome s : execute(backend, Optional.of(wip), Optional.empty(), true, false)) {
            pending.add(new ScenarioOutcome(s.feature(), s.name(), s.ids(), s.tags(), ScenarioOutcome.Status.PENDING,
                    ""));
        }
        return new RunSummary(backend, guests(backend, false), ran, pending);
    }

    private static List<ScenarioOutcome> execute(String backend, Optional<String> tagFilter,
                                                 Optional<Path> allureResults, boolean dryRun, boolean withoutWip) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(GLUE))
                .filters(EngineFilter.includeEngines("cucumber"))
                .configurationParameter(Constants.GLUE_PROPERTY_NAME, GLUE)
                .configurationParameter(Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, "true")
                .configurationParameter(Constants.EXECUTION_DRY_RUN_PROPERTY_NAME, Boolean.toString(dryRun))
                .configurationParameter(EXAMPLE_NAMES, "pickle")
                .configurationParameter(BACKEND_PROPERTY, backend);
        tagFilter.filter(t -> !t.isBlank()).ifPresent(t -> request.configurationParameter(Constants.FILTER_TAGS_PROPERTY_NAME, t));
        if (withoutWip) {
            request.filters(TagFilter.excludeTags(WIP_TAG));
        }
        allureResults.ifPresent(dir -> {
            // Allure keeps one lifecycle per JVM; give this run its own so its results land in its own directory.
            Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(dir)));
            request.configurationParameter(Constants.PLUGIN_PROPERTY_NAME, ALLURE_PLUGIN);
        });
        LauncherDiscoveryRequest discovery = request.build();

        Collector collector = new Collector();
        String previous = System.getProperty(BACKEND_PROPERTY);
        System.setProperty(BACKEND_PROPERTY, backend);
        try {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(discovery, collector);
        } finally {
            if (previous == null) {
                System.clearProperty(BACKEND_PROPERTY);
            } else {
                System.setProperty(BACKEND_PROPERTY, previous);
            }
        }
        return collector.outcomes;
    }

    /** A-04: which guests the run's hosts ran. */
    private static String guests(String backend, boolean dryRun) {
        if (!"libvirt".equals(backend)) {
            return io.cellharness.core.host.GuestVirtualisation.KVM + " (simulated hosts)";
        }
        if (dryRun) {
            return "none (dry run)";
        }
        try {
            return io.cellharness.features.backend.LibvirtScenarioBackend.guests();
        } catch (io.cellharness.features.backend.BackendUnavailableException e) {
            return "unknown: " + e.getMessage();
        }
    }

    /** Collects one outcome per scenario (a test leaf of the Cucumber engine). */
    private static final class Collector implements TestExecutionListener {
        private final List<ScenarioOutcome> outcomes = new ArrayList<>();
        private final Map<String, String> featureOf = new LinkedHashMap<>();
        private TestPlan plan;

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            // Cucumber reports scenarios its tag filter excludes as skipped; they were not selected, not skipped.
            if (id.isTest() && !reason.contains(Constants.FILTER_TAGS_PROPERTY_NAME)) {
                outcomes.add(outcome(id, ScenarioOutcome.Status.SKIPPED, reason));
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest()) {
                return;
            }
            ScenarioOutcome.Status status = switch (result.getStatus()) {
                case SUCCESSFUL -> ScenarioOutcome.Status.PASSED;
                case ABORTED -> ScenarioOutcome.Status.SKIPPED;
                case FAILED -> ScenarioOutcome.Status.FAILED;
            };
            String failure = result.getThrowable().map(t -> String.valueOf(t.getMessage()).strip()).orElse("");
            outcomes.add(outcome(id, status, status == ScenarioOutcome.Status.PASSED ? "" : failure));
        }

        private ScenarioOutcome outcome(TestIdentifier id, ScenarioOutcome.Status status, String failure) {
            List<String> ids = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            for (TestTag tag : id.getTags()) {
                tags.add(tag.getName());
                if (CATALOGUE_ID.matcher(tag.getName()).matches()) {
                    ids.add(tag.getName());
                }
            }
            return new ScenarioOutcome(feature(id), id.getDisplayName(), ids, tags, status, failure);
        }

        private String feature(TestIdentifier id) {
            return featureOf.computeIfAbsent(id.getUniqueId(), k -> {
                Optional<TestIdentifier> cur = plan.getParent(id);
                String name = "";
                while (cur.isPresent()) {
                    if (cur.get().getUniqueId().contains("[feature:")
                            && !plan.getParent(cur.get()).map(p -> p.getUniqueId().contains("[feature:")).orElse(false)) {
                        name = cur.get().getDisplayName();
                    }
                    cur = plan.getParent(cur.get());
                }
                return name;
            });
        }
    }
}
