package io.cellharness.sim.scenario;

import io.cellharness.core.ha.FenceChannel;
import io.cellharness.core.ha.HaObserver;
import io.cellharness.core.ha.HostHaState;
import io.cellharness.core.storage.PathChange;
import io.cellharness.core.storage.PathChangeReason;
import io.cellharness.sim.world.SimCluster;
import io.cellharness.sim.world.VmLedger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;

/**
 * Everything a failover case report draws, recorded while a run plays: each host's HA state over time, where each VM
 * runs, each VM's Glue path, and the moments that matter (faults, fences, restarts, migrations, alerts, violations),
 * plus the last lines of the trace. Attach it before the run starts.
 */
public final class SimTimeline {

    /** A value that holds from a time on. */
    public record Change(long atMillis, String value) {
    }

    /** A moment: {@code kind} is one of fault, fault-end, fence, fence-confirmed, restart, migration-start, migration-end, alert, violation. */
    public record Moment(long atMillis, String kind, String target, String text) {
    }

    /** What a VM's lane shows when it runs nowhere, and when its Glue I/O is held. */
    public static final String NOT_RUNNING = "—";
    public static final String STALLED = "STALLED";

    /** A host's ground truth, as its lane's thin strip shows it. */
    public static final String TRUTH_RUNNING = "running";
    public static final String TRUTH_CRASHED = "crashed";
    public static final String TRUTH_POWERED_OFF = "powered off";
    public static final String TRUTH_BOOTING = "booting";
    public static final String TRUTH_WATCHDOG_RESET = "reset by its watchdog";

    private final SimRun run;
    private final TreeMap<String, List<Change>> hostStates = new TreeMap<>();
    /** What was true of each host, whatever the manager believed: running, crashed, powered off, booting, reset. */
    private final TreeMap<String, List<Change>> hostTruth = new TreeMap<>();
    private final TreeMap<String, List<Change>> placements = new TreeMap<>();
    private final TreeMap<String, List<Change>> paths = new TreeMap<>();
    private final List<Moment> moments = new ArrayList<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private final int tailLines;

    private SimTimeline(SimRun run, int tailLines) {
        this.run = run;
        this.tailLines = tailLines;
        SimCluster cluster = run.cluster();
        for (String host : cluster.hostNames()) {
            hostStates.computeIfAbsent(host, k -> new ArrayList<>()).add(new Change(0, HostHaState.UP.name()));
            hostTruth.computeIfAbsent(host, k -> new ArrayList<>()).add(new Change(0, TRUTH_RUNNING));
        }
        for (var vm : cluster.spec().vms()) {
            List<String> where = cluster.ledger().hostsOf(vm.name());
            placements.computeIfAbsent(vm.name(), k -> new ArrayList<>())
                    .add(new Change(0, where.isEmpty() ? NOT_RUNNING : where.get(0)));
        }
        cluster.ledger().addListener(new VmLedger.Listener() {
            @Override
            public void started(String host, String vm) {
                change(placements, vm, host);
            }

            @Override
            public void stopped(String host, String vm, String why) {
                List<String> still = run.cluster().ledger().hostsOf(vm);
                change(placements, vm, still.isEmpty() ? NOT_RUNNING : still.get(0));
            }
        });
        run.ha().events().addListener(new Listener());
        cluster.onMigration(new SimCluster.MigrationListener() {
            @Override
            public void started(String vm, String source, String target) {
                moment("migration-start", vm, vm + ": " + source + " to " + target);
            }

            @Override
            public void ended(String vm, String source, String target, boolean moved) {
                moment("migration-end", vm, vm + (moved ? " moved to " + target : " stays on " + source + ": migration failed"));
            }
        });
        cluster.sim().trace().addSink(this::traced);
    }

    /** Attaches a recorder to {@code run}, keeping the last {@code tailLines} trace lines. */
    public static SimTimeline attach(SimRun run, int tailLines) {
        return new SimTimeline(run, tailLines);
    }

    private long now() {
        return run.sim().nowMillis();
    }

    private void change(TreeMap<String, List<Change>> lanes, String key, String value) {
        List<Change> lane = lanes.computeIfAbsent(key, k -> new ArrayList<>());
        if (!lane.isEmpty() && lane.get(lane.size() - 1).value().equals(value)) {
            return;
        }
        if (!lane.isEmpty() && lane.get(lane.size() - 1).atMillis() == now()) {
            lane.set(lane.size() - 1, new Change(now(), value));
        } else {
            lane.add(new Change(now(), value));
        }
    }

    private void moment(String kind, String target, String text) {
        moments.add(new Moment(now(), kind, target, text));
    }

    private void traced(String line) {
        tail.addLast(line);
        if (tail.size() > tailLines) {
            tail.removeFirst();
        }
        // "<time> <component> <event> <details>": faults, path changes and violations come from the trace itself.
        String[] parts = line.split(" ", 4);
        if (parts.length < 3) {
            return;
        }
        String component = parts[1];
        String event = parts[2];
        String details = parts.length > 3 ? parts[3] : "";
        if (hostTruth.containsKey(component)) {
            String truth = switch (event) {
                case "crash" -> TRUTH_CRASHED;
                case "power-off" -> TRUTH_POWERED_OFF;
                case "power-on" -> TRUTH_BOOTING;
                case "reset" -> details.startsWith("watchdog") ? TRUTH_WATCHDOG_RESET : TRUTH_BOOTING;
                case "booted" -> TRUTH_RUNNING;
                default -> null;
            };
            if (truth != null) {
                change(hostTruth, component, truth);
            }
        }
        if (component.equals("fault") && (event.equals("start") || event.equals("end"))) {
            String[] d = details.split(" ", 3);
            String target = d.length > 1 ? d[1].split(",")[0] : "";
            moment(event.equals("start") ? "fault" : "fault-end", target, details);
        } else if (component.equals("invariant")) {
            moment("violation", "", details);
        } else if (component.equals("glue") && run.glue() != null) {
            for (PathChange c : lastPathChanges()) {
                for (String vm : c.vms()) {
                    change(paths, vm, c.to().isNone() ? STALLED : c.to().toString().replace("via ", ""));
                }
            }
        }
    }

    private int pathChangesSeen;

    private List<PathChange> lastPathChanges() {
        List<PathChange> all = run.glue().changes();
        List<PathChange> fresh = all.subList(pathChangesSeen, all.size());
        pathChangesSeen = all.size();
        return fresh.stream().filter(c -> c.reason() != PathChangeReason.VM_DETACHED).toList();
    }

    /** The HA engine's side of the story. */
    private final class Listener implements HaObserver {
        @Override
        public void transition(String host, HostHaState from, HostHaState to, String reason) {
            change(hostStates, host, to.name());
        }

        @Override
        public void alert(String host, String message) {
            moment("alert", host, message);
        }


        @Override
        public void fenceIssued(String host, int attempt) {
            moment("fence", host, "power off " + host + " (attempt " + attempt + ")");
        }

        @Override
        public void fenced(String host, FenceChannel channel) {
            moment("fence-confirmed", host, host + " fenced: " + switch (channel) {
                case POWER_CONFIRMED_OFF -> "power read back as off";
                case LEASE_EXPIRED -> "lease expired";
                case POWER_OFF_ACCEPTED -> "power-off accepted by the BMC, not read back";
                case POWER_STATE_UNKNOWN -> "declared without a command: power state Unknown";
                case POWER_RESET_ACCEPTED -> "power reset accepted by the BMC (recovery)";
            });
        }

        @Override
        public void restarting(String vm, String fromHost, String toHost, String reason) {
            moment("restart", vm, vm + " from " + fromHost + " on " + toHost + " (" + reason + ")");
        }


    }

    public TreeMap<String, List<Change>> hostStates() {
        return hostStates;
    }

    /** Each host's ground truth over time: {@link #TRUTH_RUNNING}, {@link #TRUTH_CRASHED}, and so on. */
    public TreeMap<String, List<Change>> hostTruth() {
        return hostTruth;
    }


    public TreeMap<String, List<Change>> placements() {
        return placements;
    }

    public TreeMap<String, List<Change>> paths() {
        return paths;
    }

    public List<Moment> moments() {
        return List.copyOf(moments);
    }

    public List<String> tail() {
        return List.copyOf(tail);
    }
}
