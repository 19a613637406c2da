package io.cellharness.sim.scenario;

import io.cellharness.core.ha.HaPolicy;
import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.ha.cloudstack.CloudStackHaSettings;
import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.validation.Problem;
import io.cellharness.core.validation.SpecValidator;
import io.cellharness.core.validation.ValidationReport;
import io.cellharness.sim.world.SimSettings;
import java.util.List;

/** Turns a scenario file into a run request. */
public final class Scenarios {

    private Scenarios() {
    }

    /**
     * @param file     the scenario as read
     * @param cluster  its cluster (inline, or read from its clusterFile by the caller)
     * @param seed     the seed to run with (the command line's, else the file's, else 1)
     * @param replay   the arguments that name this scenario on the command line (e.g. the file path)
     * @throws IllegalArgumentException naming the problem: an invalid cluster, a bad fault line, an unknown VM
     */
    public static SimRequest request(ScenarioFile file, ClusterSpec cluster, long seed, List<String> replay) {
        List<ScenarioCheck.Finding> findings = ScenarioCheck.check(file);
        if (!findings.isEmpty()) {
            throw new IllegalArgumentException(findings.get(0).oneLine());
        }
        ValidationReport report = SpecValidator.validate(cluster);
        if (!report.valid()) {
            Problem first = report.errors().get(0);
            throw new IllegalArgumentException("the scenario's cluster breaks " + report.errors().size()
                    + " documented limit(s), first: " + first.oneLine());
        }
        for (String vm : file.dirtyRates().keySet()) {
            if (cluster.vm(vm).isEmpty()) {
                throw new IllegalArgumentException("dirtyRates: no VM named '" + vm + "' in the cluster");
            }
        }
        for (int i = 0; i < file.actions().size(); i++) {
            ActionEntry a = file.actions().get(i);
            if (cluster.vm(a.migrate()).isEmpty()) {
                throw new IllegalArgumentException("actions[" + i + "]: no VM named '" + a.migrate() + "'");
            }
            if (cluster.host(a.to()).isEmpty()) {
                throw new IllegalArgumentException("actions[" + i + "]: no host named '" + a.to() + "'");
            }
            // Where the VM is by then: its placement, or the target of an earlier migration of it.
            String current = cluster.vm(a.migrate()).orElseThrow().host();
            for (int j = 0; j < i; j++) {
                ActionEntry earlier = file.actions().get(j);
                if (earlier.migrate().equals(a.migrate()) && earlier.at().millis() <= a.at().millis()) {
                    current = earlier.to();
                }
            }
            if (a.to().equals(current)) {
                throw new IllegalArgumentException("actions[" + i + "]: " + a.migrate() + " already runs on " + a.to()
                        + "; a migration needs another host");
            }
        }
        for (int i = 0; i < file.links().size(); i++) {
            LinkSpec l = file.links().get(i);
            if (!l.network().equals("mgmt") && !l.network().equals("storage")) {
                throw new IllegalArgumentException("links[" + i + "]: network must be mgmt or storage, not '" + l.network() + "'");
            }
            for (String end : List.of(l.from(), l.to())) {
                if (!end.equals("mold") && cluster.host(end).isEmpty()) {
                    throw new IllegalArgumentException("links[" + i + "]: no host named '" + end + "' in the cluster");
                }
            }
            if (l.loss() != null && !(l.loss() >= 0 && l.loss() <= 1)) {
                throw new IllegalArgumentException("links[" + i + "]: loss must be between 0 and 1, not " + l.loss());
            }
        }
        for (int i = 0; i < file.faults().size(); i++) {
            FaultEntry f = file.faults().get(i);
            if (f.at() != null && f.at().millis() >= file.duration().millis()) {
                throw new IllegalArgumentException("faults[" + i + "]: at " + f.at() + " is not before the end of the "
                        + "fault schedule (duration " + file.duration() + "); it would never start");
            }
        }
        long quiet = file.quietPeriod() == null ? Limits.SIM_QUIET_PERIOD_MS : file.quietPeriod().millis();
        HaSettings ha = file.ha() == null ? HaSettings.DEFAULTS : file.ha().applyTo(HaSettings.DEFAULTS);
        HaPolicy policy;
        try {
            policy = file.ha() == null ? HaPolicy.CELL : file.ha().policyOrDefault();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ha.policy: " + e.getMessage());
        }
        CloudStackHaSettings cloudStack;
        try {
            cloudStack = file.ha() == null ? CloudStackHaSettings.DEFAULTS
                    : file.ha().applyTo(CloudStackHaSettings.DEFAULTS);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ha.cloudstack: " + e.getMessage());
        }
        return new SimRequest(file.name() == null ? "scenario" : file.name(), cluster,
                FaultFactory.build(file.faults(), cluster), file.actions(), file.dirtyRates(), file.duration().millis(),
                quiet, seed, ha, SimSettings.DEFAULTS, file.expect(), replay, file.links(), policy, cloudStack);
    }
}
