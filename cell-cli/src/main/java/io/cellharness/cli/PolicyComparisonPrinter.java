package io.cellharness.cli;

import io.cellharness.core.ha.HaPolicy;
import io.cellharness.core.spec.SpecCodec;
import io.cellharness.sim.scenario.CheckResult;
import io.cellharness.sim.scenario.PolicyVerdict;
import io.cellharness.sim.scenario.SimRequest;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cell sim --compare-policies}: one scenario and seed under the Cell policy and under CloudStack KVM Host HA,
 * side by side. Exit 1 when an invariant broke under either policy, else 0.
 */
final class PolicyComparisonPrinter {

    private PolicyComparisonPrinter() {
    }

    static int print(SimRequest request, boolean json, PrintWriter out) {
        PolicyVerdict cell = PolicyVerdict.run(request, HaPolicy.CELL);
        PolicyVerdict cloudStack = PolicyVerdict.run(request, HaPolicy.CLOUDSTACK);
        boolean broken = !cell.brokenInvariants().isEmpty() || !cloudStack.brokenInvariants().isEmpty();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("scenario", request.name());
            doc.put("seed", request.seed());
            doc.put("cell", json(cell));
            doc.put("cloudstack", json(cloudStack));
            out.println(SpecCodec.toJson(doc));
            return broken ? ExitCode.FINDINGS : ExitCode.OK;
        }
        out.println("scenario " + request.name() + ", seed " + request.seed() + ": the Cell policy beside CloudStack "
                + "KVM Host HA, on the same world and faults");
        row(out, "", "cell", "cloudstack");
        row(out, "fenced hosts", cell.fencedText(), cloudStack.fencedText());
        row(out, "power commands", Integer.toString(cell.powerCommands()), Integer.toString(cloudStack.powerCommands()));
        row(out, "recoveries", cell.recoveryText(), cloudStack.recoveryText());
        row(out, "not recovered", list(cell.unrecovered()), list(cloudStack.unrecovered()));
        row(out, "states at heal", states(cell.statesAtHeal()), states(cloudStack.statesAtHeal()));
        row(out, "violations", violations(cell), violations(cloudStack));
        row(out, "expectations", expectations(cell), expectations(cloudStack));
        row(out, "trace sha256", cell.outcome().traceSha256().substring(0, 12),
                cloudStack.outcome().traceSha256().substring(0, 12));
        out.println("replay: " + SimSource.replayCommand(request) + " --compare-policies");
        return broken ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private static void row(PrintWriter out, String what, String cell, String cloudStack) {
        out.println(String.format(Locale.ROOT, "  %-15s %-44s %s", what, cell, cloudStack));
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }

    private static String states(Map<String, String> states) {
        if (states.isEmpty()) {
            return "all up";
        }
        List<String> parts = new ArrayList<>();
        states.forEach((h, s) -> parts.add(h + " " + s));
        return String.join(", ", parts);
    }

    private static String violations(PolicyVerdict v) {
        List<CheckResult> broken = v.brokenInvariants();
        if (broken.isEmpty()) {
            return "none";
        }
        List<String> names = new ArrayList<>();
        for (CheckResult c : broken) {
            names.add(c.name());
        }
        return String.join(", ", names);
    }

    private static String expectations(PolicyVerdict v) {
        List<CheckResult> all = v.expectations();
        long held = all.stream().filter(CheckResult::held).count();
        return all.isEmpty() ? "none" : held + " of " + all.size() + " held";
    }

    private static Map<String, Object> json(PolicyVerdict v) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("verdict", v.summary());
        doc.put("fenced", v.fenced());
        doc.put("powerCommands", v.powerCommands());
        doc.put("recoveryMillis", v.recoveryMillis());
        doc.put("unrecovered", v.unrecovered());
        doc.put("statesAtHeal", v.statesAtHeal());
        doc.put("violations", v.brokenInvariants());
        doc.put("expectations", v.expectations());
        doc.put("traceSha256", v.outcome().traceSha256());
        return doc;
    }
}
