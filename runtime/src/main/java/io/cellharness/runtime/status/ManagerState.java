package io.cellharness.runtime.status;

import io.cellharness.core.ha.FenceChannel;
import io.cellharness.core.ha.HaObserver;
import io.cellharness.core.ha.HostHaState;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.PeerMessage;
import io.cellharness.runtime.journal.JournalEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The manager's state as operators see it. Fed by the manager's observer (on the engine), by the heartbeats it
 * receives, and by the journal's entries when a restarted manager resumes.
 */
public final class ManagerState implements HaObserver {

    private static final int RECENT = 100;

    private final String node;
    private final LongSupplier clock;
    private final TreeMap<String, Host> hosts = new TreeMap<>();
    private final TreeMap<String, String> vmHosts = new TreeMap<>();
    private final Deque<String> transitions = new ArrayDeque<>();
    private final Deque<String> alerts = new ArrayDeque<>();
    private long resumedEntries;

    private static final class Host {
        String state = "UP";
        String evidence = "";
        long lastHeartbeatAt = -1;
        boolean libvirtOk;
        boolean storageOk;
        List<String> running = List.of();
        boolean fenceInFlight;
    }

    public ManagerState(String node, ClusterSpec cluster, LongSupplier clock) {
        this.node = node;
        this.clock = clock;
        for (var h : cluster.hosts()) {
            hosts.put(h.name(), new Host());
        }
        for (VmSpec vm : cluster.vms()) {
            if (vm.host() != null) {
                vmHosts.put(vm.name(), vm.host());
            }
        }
    }

    /** Replays journal entries (a restarted manager's view starts where the last one's ended). */
    public synchronized void replay(List<JournalEntry> entries) {
        for (JournalEntry e : entries) {
            Host h = hosts.get(e.host());
            switch (e.kind()) {
                case HOST_STATE -> {
                    if (h != null) {
                        String to = e.detail().contains("->") ? e.detail().split("->", 2)[1].split(":", 2)[0] : "";
                        h.state = to.strip();
                        h.evidence = e.detail();
                    }
                    recent(transitions, e.host() + " " + e.detail());
                }
                case FENCE_ISSUED -> {
                    if (h != null) {
                        h.fenceInFlight = true;
                    }
                }
                case FENCED -> {
                    if (h != null) {
                        h.fenceInFlight = false;
                    }
                }
                case RESTARTED -> vmHosts.put(e.vm(), e.host());
                default -> {
                }
            }
        }
        resumedEntries = entries.size();
    }

    /** A heartbeat the manager received. */
    public synchronized void heartbeat(PeerMessage.Heartbeat hb) {
        Host h = hosts.get(hb.host());
        if (h == null) {
            return;
        }
        h.lastHeartbeatAt = clock.getAsLong();
        h.libvirtOk = hb.libvirtOk();
        h.storageOk = hb.storageOk();
        h.running = hb.runningVms();
        for (String vm : hb.runningVms()) {
            vmHosts.put(vm, hb.host());
        }
    }

    @Override
    public synchronized void transition(String host, HostHaState from, HostHaState to, String reason) {
        Host h = hosts.get(host);
        if (h != null) {
            h.state = to.name();
            h.evidence = reason;
        }
        recent(transitions, host + " " + from + "->" + to + ": " + reason);
    }

    @Override
    public synchronized void alert(String host, String message) {
        recent(alerts, host + ": " + message);
    }

    @Override
    public synchronized void fenceIssued(String host, int attempt) {
        Host h = hosts.get(host);
        if (h != null) {
            h.fenceInFlight = true;
        }
    }

    @Override
    public synchronized void fenced(String host, FenceChannel channel) {
        Host h = hosts.get(host);
        if (h != null) {
            h.fenceInFlight = false;
        }
    }

    @Override
    public synchronized void restarted(String vm, String host) {
        vmHosts.put(vm, host);
    }

    private static void recent(Deque<String> list, String line) {
        list.addLast(line);
        while (list.size() > RECENT) {
            list.removeFirst();
        }
    }

    /** The status document of {@code GET /v1/status}, as plain maps and lists for JSON. */
    public synchronized Map<String, Object> snapshot() {
        long now = clock.getAsLong();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("node", node);
        doc.put("role", "manager");
        doc.put("resumedFromJournalEntries", resumedEntries);
        List<Object> hostList = new ArrayList<>();
        for (var e : hosts.entrySet()) {
            Host h = e.getValue();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.getKey());
            m.put("state", h.state);
            m.put("evidence", h.evidence);
            m.put("heartbeatAgeMillis", h.lastHeartbeatAt < 0 ? null : now - h.lastHeartbeatAt);
            m.put("libvirtOk", h.libvirtOk);
            m.put("storageOk", h.storageOk);
            m.put("runningVms", h.running);
            m.put("fenceInFlight", h.fenceInFlight);
            hostList.add(m);
        }
        doc.put("hosts", hostList);
        List<Object> vmList = new ArrayList<>();
        for (var e : vmHosts.entrySet()) {
            vmList.add(Map.of("name", e.getKey(), "host", e.getValue()));
        }
        doc.put("vms", vmList);
        doc.put("alerts", List.copyOf(alerts));
        doc.put("transitions", List.copyOf(transitions));
        return doc;
    }

    /** Each host's HA state, for metrics. */
    public synchronized Map<String, String> hostStates() {
        Map<String, String> states = new TreeMap<>();
        hosts.forEach((name, h) -> states.put(name, h.state));
        return states;
    }

    /** Each host's heartbeat age in milliseconds, -1 when none was received yet. */
    public synchronized Map<String, Long> heartbeatAges() {
        long now = clock.getAsLong();
        Map<String, Long> ages = new TreeMap<>();
        hosts.forEach((name, h) -> ages.put(name, h.lastHeartbeatAt < 0 ? -1 : now - h.lastHeartbeatAt));
        return ages;
    }
}
