package io.cellharness.sim.storage;

import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.DomainState;
import io.cellharness.core.storage.IoCounters;
import io.cellharness.core.storage.MonitorPathSelector;
import io.cellharness.core.storage.MonitorProbeLoop;
import io.cellharness.core.storage.MonitorSettings;
import io.cellharness.core.storage.PathChange;
import io.cellharness.core.storage.PathChangeReason;
import io.cellharness.core.storage.Proximity;
import io.cellharness.sim.LivenessCheck;
import io.cellharness.sim.SafetyInvariant;
import io.cellharness.sim.world.ProcessScope;
import io.cellharness.sim.world.SimCluster;
import io.cellharness.sim.world.SimDomain;
import io.cellharness.sim.world.SimHost;
import io.cellharness.sim.world.VmLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Glue I/O paths on a simulated cluster. Installed when some VM has a Glue disk: the selector knows every host and
 * every storage controller's monitor, the probe loop probes over the simulated storage network, and every running
 * VM with a Glue disk issues a write every {@code writeIntervalMillis}. Path changes are traced; a stall pauses the
 * host's affected VMs ("paused on I/O", S-08) and a resume runs them again. Invariant: no write is ever lost.
 */
public final class SimGluePaths {

    private final SimCluster cluster;
    private final MonitorPathSelector selector;
    private final MonitorProbeLoop loop;
    private final TreeMap<String, Boolean> glueVms = new TreeMap<>();
    private final List<PathChange> changes = new ArrayList<>();

    private SimGluePaths(SimCluster cluster, MonitorSettings settings, long writeIntervalMillis) {
        this.cluster = cluster;
        this.selector = new MonitorPathSelector(cluster.sim(), settings, Proximity.UNIFORM, this::changed);
        ProcessScope scope = cluster.managerProcess("librbd");
        this.loop = new MonitorProbeLoop(scope, cluster.sim(), cluster.storageMonitors(scope), selector);
        for (VmSpec vm : cluster.spec().vms()) {
            glueVms.put(vm.name(), vm.disks().stream().map(DiskSpec::storage).anyMatch(s -> s == StorageType.GLUE_RBD));
        }
        // S-04: only the controllers that run a monitor are monitors (3 or 5 in a cluster of any size); every host
        // is registered, and probes only the monitors in its order, so a probe period is hosts x monitors, not n^2.
        for (HostSpec h : cluster.spec().hosts()) {
            if (h.storageController() != null && h.storageController().runsMonitor()) {
                selector.addMonitor(h.name());
            }
        }
        for (HostSpec h : cluster.spec().hosts()) {
            selector.addHost(h.name());
        }
        for (String vm : cluster.ledger().runningVms()) {
            if (glueVms.getOrDefault(vm, false)) {
                selector.attachVm(vm, cluster.ledger().hostsOf(vm).get(0));
            }
        }
        cluster.ledger().addListener(new VmLedger.Listener() {
            @Override
            public void started(String host, String vm) {
                if (glueVms.getOrDefault(vm, false)) {
                    selector.attachVm(vm, host);
                    pauseIfStalled(host, vm);
                }
            }

            @Override
            public void stopped(String host, String vm, String why) {
                if (glueVms.getOrDefault(vm, false) && host.equals(selector.counters(vm).host())) {
                    selector.detachVm(vm);
                }
            }
        });
        scope.periodic(writeIntervalMillis, writeIntervalMillis, "guest writes", this::writeAll);
        loop.start();
    }

    /** Whether {@code cluster} has a VM with a Glue disk (otherwise nothing needs paths). */
    public static boolean needed(SimCluster cluster) {
        return cluster.spec().vms().stream()
                .anyMatch(vm -> vm.disks().stream().anyMatch(d -> d.storage() == StorageType.GLUE_RBD));
    }

    public static SimGluePaths install(SimCluster cluster, MonitorSettings settings, long writeIntervalMillis) {
        SimGluePaths paths = new SimGluePaths(cluster, settings, writeIntervalMillis);
        NoWriteLost noLoss = new NoWriteLost(paths);
        cluster.sim().invariants().register((SafetyInvariant) noLoss);
        cluster.sim().invariants().register((LivenessCheck) new WritesCaughtUp(paths));
        return paths;
    }

    public MonitorPathSelector selector() {
        return selector;
    }

    /** Every path change so far. */
    public List<PathChange> changes() {
        return List.copyOf(changes);
    }

    public IoCounters counters(String vm) {
        return selector.counters(vm);
    }

    /**
     * Set when a path changes: writes are re-routed, held or replayed only then, so that is when one could be lost;
     * the no-loss invariant (run after every event) recounts only then, and the liveness check recounts at the end.
     */
    private boolean bookkeepingChanged = true;

    private void writeAll() {
        for (String vm : selector.vms()) {
            if (selector.counters(vm).host() != null) {
                selector.issueWrite(vm);
            }
        }
    }

    private void changed(PathChange change) {
        bookkeepingChanged = true;
        changes.add(change);
        cluster.trace("glue", change.reason().name().toLowerCase(java.util.Locale.ROOT),
                change.host() + " " + change.vms() + " " + change.from() + " -> " + change.to()
                        + (change.detail().isEmpty() ? "" : " (" + change.detail() + ")"));
        SimHost host = cluster.host(change.host());
        if (host == null) {
            return;
        }
        for (String vm : change.vms()) {
            SimDomain d = host.domain(vm);
            if (d == null) {
                continue;
            }
            if (change.reason() == PathChangeReason.STALL && d.state() == DomainState.RUNNING) {
                host.pauseOnIo(vm, "paused: I/O stalled, no Glue monitor answers (S-08)");
            } else if (change.reason() == PathChangeReason.RESUME && d.state() == DomainState.PAUSED) {
                host.resumeFromIo(vm, "I/O resumed via " + change.to() + " (S-08)");
            }
        }
    }

    private void pauseIfStalled(String host, String vm) {
        if (selector.path(host).isNone()) {
            cluster.host(host).pauseOnIo(vm, "paused: I/O stalled, no Glue monitor answers (S-08)");
        }
    }

    /** S-08: nothing written is ever lost. */
    private static final class NoWriteLost implements SafetyInvariant {
        private final SimGluePaths paths;

        NoWriteLost(SimGluePaths paths) {
            this.paths = paths;
        }

        @Override
        public String name() {
            return "no-write-lost";
        }

        @Override
        public String description() {
            return "no Glue write is lost through path changes and stalls (S-05, S-08)";
        }

        private String found;

        @Override
        public String check() {
            if (found == null && paths.bookkeepingChanged) {
                paths.bookkeepingChanged = false;
                for (String vm : paths.selector.vms()) {
                    long lost = paths.selector.counters(vm).writesLost();
                    if (lost != 0) {
                        found = vm + " lost " + lost + " writes";
                        break;
                    }
                }
            }
            return found;
        }
    }

    /** S-08 liveness: once a monitor answers, every write issued has been acknowledged or is in flight. */
    private static final class WritesCaughtUp implements LivenessCheck {
        private final SimGluePaths paths;

        WritesCaughtUp(SimGluePaths paths) {
            this.paths = paths;
        }

        @Override
        public String name() {
            return "glue-writes-acknowledged";
        }

        @Override
        public String description() {
            return "after the faults heal, no Glue write is lost and no VM is left stalled (S-05, S-08)";
        }

        @Override
        public String check() {
            List<String> problems = new ArrayList<>();
            for (String vm : paths.selector.vms()) {
                IoCounters c = paths.selector.counters(vm);
                if (c.writesLost() != 0) {
                    problems.add(vm + " lost " + c.writesLost() + " writes");
                }
                if (c.host() != null && c.path().isNone()) {
                    problems.add(vm + " is still stalled");
                }
            }
            return problems.isEmpty() ? null : String.join("; ", problems);
        }
    }
}
