package io.cellharness.sim.scenario;

import io.cellharness.core.limits.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The values of a scenario file the simulator relies on, checked before a run is built (issue 19): durations and
 * delays within {@link Limits#SIM_MAX_VIRTUAL_MS} and {@link Limits#SIM_MAX_DELAY_MS}, shares and probabilities
 * finite and in [0, 1], periods positive, each {@code expect} entry exactly one expectation. Names (hosts, VMs) are
 * checked against the cluster by {@link Scenarios} and {@link FaultFactory}.
 */
public final class ScenarioCheck {

    /** One problem: where in the scenario ({@code faults[2].period}) and what is wrong. */
    public record Finding(String path, String problem) {
        /** {@code path: problem}, the form {@link Scenarios#request} throws. */
        public String oneLine() {
            return path + ": " + problem;
        }
    }

    /** The fastest guest memory dirty rate a scenario may state, MiB/s. */
    static final double MAX_DIRTY_RATE_MIBPS = 1_000_000;

    private ScenarioCheck() {
    }

    public static List<Finding> check(ScenarioFile f) {
        List<Finding> out = new ArrayList<>();
        long duration = f.duration() == null ? 0 : f.duration().millis();
        long quiet = f.quietPeriod() == null ? Limits.SIM_QUIET_PERIOD_MS : f.quietPeriod().millis();
        if (duration > Limits.SIM_MAX_VIRTUAL_MS) {
            out.add(new Finding("duration", "at most " + VirtualDuration.ofMillis(Limits.SIM_MAX_VIRTUAL_MS)
                    + " of simulated time per run, not " + f.duration()));
        } else if (quiet > Limits.SIM_MAX_VIRTUAL_MS - duration) {
            out.add(new Finding("quietPeriod", "duration and quiet period together are at most "
                    + VirtualDuration.ofMillis(Limits.SIM_MAX_VIRTUAL_MS) + " of simulated time per run"));
        }
        if (f.ha() != null) {
            delay(out, "ha.suspectAfter", f.ha().suspectAfter(), true);
            delay(out, "ha.leaseTimeout", f.ha().leaseTimeout(), true);
            share(out, "ha.massFailureShare", f.ha().massFailureShare());
        }
        for (Map.Entry<String, Double> e : f.dirtyRates().entrySet()) {
            double r = e.getValue();
            if (!(r >= 0 && r <= MAX_DIRTY_RATE_MIBPS)) {
                out.add(new Finding("dirtyRates." + e.getKey(), "a dirty rate is a finite number of MiB/s from 0 to "
                        + (long) MAX_DIRTY_RATE_MIBPS));
            }
        }
        for (int i = 0; i < f.links().size(); i++) {
            LinkSpec l = f.links().get(i);
            delay(out, "links[" + i + "].latency", l.latency(), false);
            delay(out, "links[" + i + "].jitter", l.jitter(), false);
            share(out, "links[" + i + "].loss", l.loss());
        }
        for (int i = 0; i < f.faults().size(); i++) {
            FaultEntry e = f.faults().get(i);
            String where = "faults[" + i + "]";
            at(out, where + ".at", e.at());
            at(out, where + ".for", e.duration());
            delay(out, where + ".period", e.period(), true);
            if (e.count() != null && (e.count() < 1 || e.count() > 1_000_000)) {
                out.add(new Finding(where + ".count", "a count is from 1 to 1000000"));
            }
            share(out, where + ".probability", e.probability());
        }
        for (int i = 0; i < f.actions().size(); i++) {
            at(out, "actions[" + i + "].at", f.actions().get(i).at());
        }
        for (int i = 0; i < f.expect().size(); i++) {
            expectation(out, "expect[" + i + "]", f.expect().get(i));
        }
        return out;
    }

    private static void expectation(List<Finding> out, String where, Expectation e) {
        List<String> set = new ArrayList<>();
        if (e.recoveredWithin() != null) {
            set.add("recoveredWithin");
            at(out, where + ".recoveredWithin", e.recoveredWithin());
        }
        if (e.fenced() != null) {
            set.add("fenced");
        }
        if (e.notFenced() != null) {
            set.add("notFenced");
        }
        if (e.alert() != null) {
            set.add("alert");
        }
        if (e.running() != null) {
            set.add("running");
        }
        if (set.isEmpty()) {
            out.add(new Finding(where, e.on() != null ? "'on' goes with 'running'" : "an expectation needs one of "
                    + "recoveredWithin, fenced, notFenced, alert, running"));
        } else if (set.size() > 1) {
            out.add(new Finding(where, "one expectation per entry, not " + String.join(" and ", set)
                    + "; write each as its own '- ' entry"));
        } else if (e.on() != null && e.running() == null) {
            out.add(new Finding(where + ".on", "'on' goes with 'running'"));
        }
    }

    private static void delay(List<Finding> out, String path, VirtualDuration d, boolean positive) {
        if (d == null) {
            return;
        }
        if (positive && d.millis() == 0) {
            out.add(new Finding(path, "must be longer than 0"));
        } else if (d.millis() > Limits.SIM_MAX_DELAY_MS) {
            out.add(new Finding(path, "at most " + VirtualDuration.ofMillis(Limits.SIM_MAX_DELAY_MS) + ", not " + d));
        }
    }

    private static void at(List<Finding> out, String path, VirtualDuration d) {
        if (d != null && d.millis() > Limits.SIM_MAX_VIRTUAL_MS) {
            out.add(new Finding(path, "at most " + VirtualDuration.ofMillis(Limits.SIM_MAX_VIRTUAL_MS) + ", not " + d));
        }
    }

    private static void share(List<Finding> out, String path, Double v) {
        if (v != null && !(v >= 0 && v <= 1)) {
            out.add(new Finding(path, "a share is a number from 0 to 1" + (Double.isFinite(v) ? ", not " + v : "")));
        }
    }
}
