package io.cellharness.features.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The outcome of a scenario run: every scenario, and per catalogue ID how many scenarios cover it and how many
 * passed or failed. The {@code pending} scenarios (tagged {@code @wip}) were not run; they are in no count.
 *
 * @param backend   sim or libvirt
 * @param guests    A-04: which guests the run's hosts ran, {@code kvm} or {@code qemu (TCG)} (e.g. {@code kvm
 *                  (simulated hosts)} on the simulator)
 * @param scenarios every scenario's outcome that ran
 * @param pending   the {@code @wip} scenarios, listed, not run
 */
public record RunSummary(String backend, String guests, List<ScenarioOutcome> scenarios,
                         List<ScenarioOutcome> pending) {

    /** One row of the per-ID table. */
    public record IdRow(String id, int scenarios, int passed, int failed, int skipped) {
    }

    public RunSummary {
        scenarios = List.copyOf(scenarios);
        pending = List.copyOf(pending);
    }

    /** A run without pending scenarios. */
    public RunSummary(String backend, String guests, List<ScenarioOutcome> scenarios) {
        this(backend, guests, scenarios, List.of());
    }

    public List<IdRow> byId(Catalogue catalogue) {
        Map<String, int[]> counts = new TreeMap<>();
        for (String id : catalogue.ids()) {
            counts.put(id, new int[4]);
        }
        for (ScenarioOutcome s : scenarios) {
            if (s.status() == ScenarioOutcome.Status.PENDING) {
                continue;
            }
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

    /** The catalogue IDs no scenario of this run covers that a pending ({@code @wip}) scenario names, in order. */
    public List<String> pendingIds(Catalogue catalogue) {
        List<String> uncovered = uncovered(catalogue);
        TreeSet<String> named = new TreeSet<>();
        pending.forEach(s -> named.addAll(s.ids()));
        return uncovered.stream().filter(named::contains).toList();
    }

    /** The IDs of the catalogue no scenario of this run covers. */
    public List<String> uncovered(Catalogue catalogue) {
        return byId(catalogue).stream().filter(r -> r.scenarios() == 0).map(IdRow::id).toList();
    }
}
