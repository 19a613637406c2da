package io.cellharness.features.run;

import java.util.List;

/**
 * One scenario's result.
 *
 * @param feature the feature (capability) it belongs to
 * @param name    the scenario name (with the example row for outlines)
 * @param ids     the catalogue IDs it is tagged with
 * @param tags    every tag it carries, without the {@code @} (IDs, {@code libvirt}, ...)
 * @param status  passed, failed, skipped, or pending (not run: tagged {@code @wip})
 * @param failure the failure message, empty unless failed
 */
public record ScenarioOutcome(String feature, String name, List<String> ids, List<String> tags, Status status,
                              String failure) {

    public enum Status {
        PASSED,
        FAILED,
        SKIPPED,
        /** Tagged {@code @wip}: listed, not run, and in no count of passed, failed or skipped. */
        PENDING
    }

    public ScenarioOutcome {
        ids = List.copyOf(ids);
        tags = List.copyOf(tags);
    }
}
