package io.cellharness.sim.ha;

import io.cellharness.core.ha.FenceChannel;
import io.cellharness.sim.Trace;
import io.cellharness.core.ha.HaObserver;
import io.cellharness.core.ha.HostHaState;
import io.cellharness.sim.world.SimCluster;
import java.util.ArrayList;
import java.util.List;

/**
 * The HA engine's observer on the simulator: traces every decision and keeps what scenarios, invariants and reports
 * ask about (transitions, alerts, fences, restarts).
 */
public final class HaEvents implements HaObserver {

    /** One host state change. */
    public record Transition(long atMillis, String host, HostHaState from, HostHaState to, String reason) {
    }

    /** One alert. */
    public record Alert(long atMillis, String host, String message) {
    }

    /** One neighbour report (H-03). */
    public record Report(long atMillis, String reporter, String target, String evidence) {
    }

    /** One fence: issued (channel null) or done through a channel. */
    public record Fence(long atMillis, String host, int attempt, FenceChannel channel) {
    }

    /** One restart: requested or done. */
    public record Restart(long atMillis, String vm, String fromHost, String toHost, boolean done) {
    }

    private final SimCluster cluster;
    private final Trace trace;
    private final List<HaObserver> listeners = new ArrayList<>();
    private final List<Transition> transitions = new ArrayList<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final List<Report> reports = new ArrayList<>();
    private final List<Fence> fences = new ArrayList<>();
    private final List<Restart> restarts = new ArrayList<>();

    HaEvents(SimCluster cluster) {
        this.cluster = cluster;
        this.trace = cluster.sim().trace();
    }

    /** Adds an observer told of every event after it is recorded (invariants, timelines). */
    public void addListener(HaObserver listener) {
        listeners.add(listener);
    }

    private long now() {
        return cluster.sim().nowMillis();
    }

    @Override
    public void transition(String host, HostHaState from, HostHaState to, String reason) {
        transitions.add(new Transition(now(), host, from, to, reason));
        trace.record("ha", "state", host + " " + from + "->" + to + " " + reason);
        listeners.forEach(l -> l.transition(host, from, to, reason));
    }

    @Override
    public void alert(String host, String message) {
        alerts.add(new Alert(now(), host, message));
        trace.record("ha", "alert", message);
        listeners.forEach(l -> l.alert(host, message));
    }

    @Override
    public void evidence(String host, String message) {
        trace.record("ha", "evidence", message);
        listeners.forEach(l -> l.evidence(host, message));
    }

    @Override
    public void reported(String reporter, String target, String evidence) {
        reports.add(new Report(now(), reporter, target, evidence));
        trace.record("ha", "report", reporter + " reports " + target + ": " + evidence);
        listeners.forEach(l -> l.reported(reporter, target, evidence));
    }

    public List<Report> reports() {
        return List.copyOf(reports);
    }

    @Override
    public void fenceIssued(String host, int attempt) {
        fences.add(new Fence(now(), host, attempt, null));
        trace.record("ha", "fence", host + " attempt " + attempt);
        listeners.forEach(l -> l.fenceIssued(host, attempt));
    }

    @Override
    public void fenced(String host, FenceChannel channel) {
        fences.add(new Fence(now(), host, 0, channel));
        trace.record("ha", "fenced", host + " " + channel);
        listeners.forEach(l -> l.fenced(host, channel));
    }

    @Override
    public void restarting(String vm, String fromHost, String toHost, String reason) {
        restarts.add(new Restart(now(), vm, fromHost, toHost, false));
        trace.record("ha", "restart", vm + " from " + fromHost + " on " + toHost + " " + reason);
        listeners.forEach(l -> l.restarting(vm, fromHost, toHost, reason));
    }

    @Override
    public void restarted(String vm, String host) {
        restarts.add(new Restart(now(), vm, null, host, true));
        trace.record("ha", "restarted", vm + " on " + host);
        listeners.forEach(l -> l.restarted(vm, host));
    }

    @Override
    public void unplaceable(String vm, String reason) {
        alerts.add(new Alert(now(), "", "VM " + vm + " fits no host: " + reason));
        trace.record("ha", "unplaceable", vm + " " + reason);
        listeners.forEach(l -> l.unplaceable(vm, reason));
    }

    public List<Transition> transitions() {
        return List.copyOf(transitions);
    }

    public List<Alert> alerts() {
        return List.copyOf(alerts);
    }

    public List<Fence> fences() {
        return List.copyOf(fences);
    }

    public List<Restart> restarts() {
        return List.copyOf(restarts);
    }

    /** Whether a power-off was ever sent to {@code host}'s BMC. */
    public boolean fenceIssuedTo(String host) {
        return fences.stream().anyMatch(f -> f.host().equals(host) && f.channel() == null);
    }

    /** The channels through which {@code host} was declared fenced, in order. */
    public List<FenceChannel> fencedThrough(String host) {
        return fences.stream().filter(f -> f.host().equals(host) && f.channel() != null).map(Fence::channel).toList();
    }

}
