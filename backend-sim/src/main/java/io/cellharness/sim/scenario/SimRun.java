package io.cellharness.sim.scenario;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.migration.LiveMigrator;
import io.cellharness.core.migration.MigrationOptions;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.sim.LivenessCheck;
import io.cellharness.sim.SafetyInvariant;
import io.cellharness.sim.Simulation;
import io.cellharness.sim.Violation;
import io.cellharness.sim.fault.FaultSchedule;
import io.cellharness.sim.ha.HaEvents;
import io.cellharness.sim.ha.RecoveryClock;
import io.cellharness.sim.ha.SimHa;
import io.cellharness.sim.storage.SimGluePaths;
import io.cellharness.core.storage.MonitorSettings;
import io.cellharness.sim.world.ProcessScope;
import io.cellharness.sim.world.Net;
import io.cellharness.sim.world.SimCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One simulation run of a {@link SimRequest}: the world built, the HA engine installed, faults and actions
 * scheduled. {@link #runTo} advances it (scenario steps drive it this way); {@link #finish} plays it to the end of its
 * fault schedule, heals everything, runs the quiet period, checks liveness and expectations, and reports.
 */
public final class SimRun {

    private final SimRequest request;
    private final Simulation sim;
    private final SimCluster cluster;
    private final SimHa ha;
    private final SimGluePaths glue;
    private final FaultSchedule schedule;
    private final ProcessScope operator;
    private Simulation.Stop stop = Simulation.Stop.DEADLINE;
    private boolean healed;
    private long faultsEndAt;

    private SimRun(SimRequest request, List<java.util.function.Consumer<String>> traceSinks) {
        this.request = request;
        this.sim = new Simulation(request.seed());
        // Sinks first, so that they see every line the hash covers, from the initial placement on.
        traceSinks.forEach(sim.trace()::addSink);
        this.cluster = new SimCluster(sim, request.cluster(), request.sim());
        for (Map.Entry<String, Double> e : request.dirtyRates().entrySet()) {
            cluster.setDirtyRate(e.getKey(), e.getValue());
        }
        for (LinkSpec link : request.links()) {
            Net net = link.network().equals("mgmt") ? Net.MGMT : Net.STORAGE;
            for (String[] dir : List.of(new String[] {link.from(), link.to()}, new String[] {link.to(), link.from()})) {
                if (link.latency() != null) {
                    cluster.network().setLinkLatency(net, dir[0], dir[1], link.latency().millis(),
                            link.jitter() == null ? 0 : link.jitter().millis());
                }
                if (link.loss() != null) {
                    cluster.network().setLinkLoss(net, dir[0], dir[1], link.loss());
                }
            }
            // On storage a host's end of a link is also its monitor's, as a partition takes both: a request to
            // storage goes to a monitor, so a lossy storage link between the manager and cube1 is one to mon@cube1.
            if (net == Net.STORAGE && link.loss() != null) {
                for (String[] dir : List.of(new String[] {link.from(), link.to()}, new String[] {link.to(), link.from()})) {
                    String monitor = io.cellharness.sim.world.SimStorage.monitorNode(dir[1]);
                    if (cluster.network().hasNode(monitor)) {
                        cluster.network().setLinkLoss(net, dir[0], monitor, link.loss());
                        cluster.network().setLinkLoss(net, monitor, dir[0], link.loss());
                    }
                }
            }
        }
        cluster.placeInitialVms();
        this.ha = SimHa.install(cluster, request.ha(), request.policy(), request.cloudStack());
        this.glue = SimGluePaths.needed(cluster)
                ? SimGluePaths.install(cluster, MonitorSettings.DEFAULTS, Limits.SIM_GUEST_WRITE_INTERVAL_MS) : null;
        this.schedule = new FaultSchedule(request.faults());
        schedule.install(cluster);
        this.operator = cluster.managerProcess("operator");
        this.faultsEndAt = request.durationMillis();
        for (ActionEntry action : request.actions()) {
            sim.at(action.at().millis(), "migrate " + action.migrate(), () -> migrate(action.migrate(), action.to(),
                    Boolean.TRUE.equals(action.autoConverge())));
        }
    }

    public static SimRun prepare(SimRequest request) {
        return new SimRun(request, List.of());
    }

    /** Prepares a run whose every trace line (all those its hash covers) also goes to {@code traceSinks}. */
    public static SimRun prepare(SimRequest request, List<java.util.function.Consumer<String>> traceSinks) {
        return new SimRun(request, traceSinks);
    }

    public Simulation sim() {
        return sim;
    }

    public SimCluster cluster() {
        return cluster;
    }

    public SimHa ha() {
        return ha;
    }

    /** The Glue I/O paths, or null when no VM has a Glue disk. */
    public SimGluePaths glue() {
        return glue;
    }

    public HaEvents haEvents() {
        return ha.events();
    }

    public RecoveryClock recoveryClock() {
        return ha.recoveryClock();
    }

    public SimRequest request() {
        return request;
    }

    /** Advances virtual time to {@code millis}, unless a safety invariant breaks first. */
    public Simulation.Stop runTo(long millis) {
        Simulation.Stop s = sim.runUntil(() -> false, millis, Limits.SIM_MAX_EVENTS);
        if (s != Simulation.Stop.DEADLINE && s != Simulation.Stop.QUIESCENT) {
            stop = s;
        }
        return s;
    }

    /**
     * Live-migrates {@code vm} to {@code target} as the operator would through the manager: planned first (refusals
     * copy nothing), then run by the source's hypervisor. The outcome is traced.
     */
    public void migrate(String vm, String target, boolean autoConverge) {
        MigrationOptions options = MigrationOptions.defaults().withDirtyRate(cluster.dirtyRateOf(vm))
                .withAutoConverge(autoConverge);
        ha.manager().migrate(vm, target, options, cluster.fabric())
                .thenAccept(outcome -> {
                    if (outcome instanceof LiveMigrator.Outcome.Refused r) {
                        cluster.trace("operator", "migrate-refused", vm + " to " + target + " " + r.plan().rule()
                                + " " + r.plan().reason());
                    } else {
                        LiveMigrator.Outcome.Ran ran = (LiveMigrator.Outcome.Ran) outcome;
                        cluster.trace("operator", "migrate-" + ran.result().getClass().getSimpleName()
                                .toLowerCase(Locale.ROOT), vm + " to " + target + " " + ran.result().reason());
                    }
                });
    }

    /** Heals every fault now (instead of at the end of the fault schedule), runs the quiet period and reports. */
    public SimOutcome finishNow() {
        faultsEndAt = sim.nowMillis();
        return finish();
    }

    /** Plays the run to its end and reports. */
    public SimOutcome finish() {
        if (stop != Simulation.Stop.VIOLATION && sim.nowMillis() < faultsEndAt) {
            runTo(request.durationMillis());
        }
        if (stop != Simulation.Stop.VIOLATION && !healed) {
            healed = true;
            schedule.healAll(cluster);
            runTo(sim.nowMillis() + request.quietMillis());
        }
        return report(true);
    }

    /**
     * Reports the run where it stands, without healing it or checking liveness (for a run cut short with
     * {@code --until}); expectations are checked as they stand.
     */
    public SimOutcome finishAt() {
        return report(false);
    }

    private SimOutcome report(boolean liveness) {
        List<CheckResult> checks = new ArrayList<>();
        List<Violation> violations = new ArrayList<>(sim.invariants().violations());
        if (liveness && stop != Simulation.Stop.VIOLATION) {
            violations.addAll(sim.invariants().checkLiveness());
        }
        for (SafetyInvariant s : sim.invariants().safety()) {
            String problem = violations.stream().filter(v -> v.invariant().equals(s.name())).map(Violation::description)
                    .findFirst().orElse("");
            checks.add(new CheckResult(s.name(), "safety", s.description(), problem.isEmpty(), problem));
        }
        for (LivenessCheck l : sim.invariants().liveness()) {
            String problem = violations.stream().filter(v -> v.invariant().equals(l.name())).map(Violation::description)
                    .findFirst().orElse("");
            if (!liveness || stop == Simulation.Stop.VIOLATION) {
                String why = liveness ? "the run stopped at a safety violation" : "the run was cut short";
                checks.add(CheckResult.notChecked(l.name(), "liveness", l.description(), why));
                continue;
            }
            checks.add(new CheckResult(l.name(), "liveness", l.description(), problem.isEmpty(), problem));
        }
        for (Expectation e : request.expectations()) {
            CheckResult c = Expectations.check(e, this);
            checks.add(liveness ? c : CheckResult.notChecked(c.name(), c.kind(), c.description(),
                    "the run was cut short"));
        }
        List<Long> recoveries = new ArrayList<>();
        for (RecoveryClock.Recovery r : ha.recoveryClock().recoveries()) {
            recoveries.add(r.recoveredAfterMillis());
        }
        sim.trace().record("run", "end", "events " + sim.executedEvents());
        return new SimOutcome(request.name(), request.seed(), sim.nowMillis(), sim.executedEvents(), sim.trace().sha256(),
                sim.trace().lines(), stop, checks, recoveries, request.replay());
    }
}
