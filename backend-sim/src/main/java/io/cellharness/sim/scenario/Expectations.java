package io.cellharness.sim.scenario;

import io.cellharness.sim.ha.HaEvents;
import io.cellharness.sim.ha.RecoveryClock;
import java.util.ArrayList;
import java.util.List;

/** Checks a scenario's {@link Expectation}s against a finished run. */
final class Expectations {

    private Expectations() {
    }

    static CheckResult check(Expectation e, SimRun run) {
        HaEvents events = run.haEvents();
        if (e.recoveredWithin() != null) {
            long bound = e.recoveredWithin().millis();
            List<String> slow = new ArrayList<>();
            for (RecoveryClock.Recovery r : run.recoveryClock().recoveries()) {
                if (r.recoveredAfterMillis() > bound) {
                    slow.add(r.host() + " took " + r.recoveredAfterMillis() + " ms");
                }
            }
            for (RecoveryClock.Recovery r : run.recoveryClock().unfinished()) {
                slow.add(r.host() + " never recovered");
            }
            boolean any = !run.recoveryClock().recoveries().isEmpty() || !run.recoveryClock().unfinished().isEmpty();
            String detail = !any ? "no host failure with HA VMs happened" : String.join("; ", slow);
            return result("recovered-within " + e.recoveredWithin(), "HA VMs of every failed host run again within "
                    + e.recoveredWithin() + " (H-08)", any && slow.isEmpty(), detail);
        }
        if (e.fenced() != null) {
            List<String> missing = e.fenced().stream().filter(h -> events.fencedThrough(h).isEmpty()).toList();
            return result("fenced " + e.fenced(), "these hosts were fenced", missing.isEmpty(),
                    missing.isEmpty() ? "" : "never fenced: " + missing);
        }
        if (e.notFenced() != null) {
            List<String> fenced = e.notFenced().stream().filter(events::fenceIssuedTo).toList();
            return result("not-fenced " + e.notFenced(), "no power-off was sent to these hosts (H-07, H-10)",
                    fenced.isEmpty(), fenced.isEmpty() ? "" : "fenced: " + fenced);
        }
        if (e.alert() != null) {
            boolean raised = events.alerts().stream().anyMatch(a -> a.message().contains(e.alert()));
            return result("alert \"" + e.alert() + "\"", "an alert says it", raised, raised ? "" : "no such alert");
        }
        if (e.running() != null) {
            List<String> hosts = run.cluster().ledger().hostsOf(e.running());
            boolean ok = hosts.size() == 1 && (e.on() == null || hosts.get(0).equals(e.on()));
            return result("running " + e.running() + (e.on() == null ? "" : " on " + e.on()),
                    "the VM runs exactly once" + (e.on() == null ? "" : " on " + e.on()), ok,
                    ok ? "" : "it runs on " + hosts);
        }
        return result("empty expectation", "an expectation names what it expects", false,
                "set one of recoveredWithin, fenced, notFenced, alert, running");
    }

    private static CheckResult result(String name, String description, boolean held, String detail) {
        return new CheckResult(name, "expectation", description, held, held ? "" : detail);
    }
}
