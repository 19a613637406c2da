package io.cellharness.features.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a scenario run: every scenario, and per catalogue ID how many scenarios cover it and how many
 * passed or failed.
 *
 * @param backend   sim or libvirt
 * @param guests    A-04: which guests the run's hosts ran, {@code kvm} or {@code qemu (TCG)} (e.g. {@code kvm
 *                  (simulated hosts)} on the simulator)
 * @param scenarios every scenario's outcome
 */
public record RunSummary(String backend, String guests, List<ScenarioOutcome> scenarios) {

    /** One row of the per-ID table. */
    public record IdRow(String id, int scenarios, int passed, int failed, int skipped) {
    }

    public RunSummary {
        scenarios = List.copyOf(scenarios);
    }

    public List<IdRow> byId(Catalogue catalogue) {
        Map<String, int[]> counts = new TreeMap<>();
        for (String id : catalogue.ids()) {
            counts.put(id, new int[4]);
        }
        for (ScenarioOutcome s : scenarios) {
            for (String id : s.ids()) {
                int[] c = counts.computeIfAbsent(id, k -> new int[4]);
                c[0]++;
                c[1 + s.status().ordinal()]++;
            }
        }
        List<IdRow> rows = new ArrayList<>();
        counts.forEach((id, c) -> rows.add(new IdRow(id, c[0], c[1], c[2], c[3])));
        return rows;
    }

    public long passed() {
        return scenarios.stream().filter(s -> s.status() == ScenarioOutcome.Status.PASSED).count();
    }

    public long failed() {
        return scenarios.stream().filter(s -> s.status() == ScenarioOutcome.Status.FAILED).count();
    }

    public long skipped() {
        return scenarios.stream().filter(s -> s.status() == ScenarioOutcome.Status.SKIPPED).count();
    }

    /** The IDs of the catalogue no scenario of this run covers. */
    public List<String> uncovered(Catalogue catalogue) {
        return byId(catalogue).stream().filter(r -> r.scenarios() == 0).map(IdRow::id).toList();
    }
}
