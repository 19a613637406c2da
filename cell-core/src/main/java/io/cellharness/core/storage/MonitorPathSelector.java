package io.cellharness.core.storage;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Chooses, for every host, the Glue monitor its VMs' I/O goes through (Cell's librbd path selection, S-04 … S-09),
 * from the probe results that {@link MonitorProbeLoop} feeds it. Single-threaded: call it only on the engine's
 * scheduler.
 *
 * <p>Rules, per host:
 * <ul>
 *   <li>S-04: monitors are ordered nearest first — the monitor on the host itself, then by {@link Proximity}, ties by
 *       host name; a new host takes the nearest monitor, every registered monitor being presumed answering and
 *       undamped. A host whose controller runs no monitor (a cluster runs 3 or 5 whatever its size) starts on the
 *       nearest one.</li>
 *   <li>S-07: a monitor is declared down after {@link MonitorSettings#missThreshold()} consecutive missed probes; any
 *       answer clears its misses.</li>
 *   <li>S-05: when the path's monitor is declared down, the path fails over to the nearest ready monitor (answering,
 *       and not held by damping), else to the nearest one that answered its latest probe. The stall, from its first
 *       missed probe to the failover, is below {@link MonitorSettings#stallBoundMillis()}.</li>
 *   <li>S-06: when a monitor nearer than the path's answers a probe after its failure, the path fails back to it at
 *       once.</li>
 *   <li>S-09: unless that monitor is damped: declared down again within the damping window of regaining the path, it
 *       must answer every probe for a hold that doubles per repeat, bounded, and decays while it stays healthy
 *       ({@link MonitorSettings}).</li>
 *   <li>S-08: when the path's monitor is down and no other answered its latest probe, the path is
 *       {@link IoPath#NONE}: I/O is held (VM paused on I/O) and resumes through the first monitor that answers.</li>
 * </ul>
 * A monitor that missed its latest probe but is not yet down is never a target: it is likelier to fail next.
 *
 * <p>Every change is reported to the listener as a {@link PathChange}; writes are modelled as described in
 * {@link IoCounters}.
 */
public final class MonitorPathSelector {

    private final Clock clock;
    private final MonitorSettings settings;
    private final Proximity proximity;
    private final Consumer<PathChange> listener;
    private final List<String> monitors = new ArrayList<>();
    private final Map<String, HostView> hosts = new TreeMap<>();
    private final Map<String, VmIo> vms = new TreeMap<>();

    public MonitorPathSelector(Clock clock, MonitorSettings settings, Proximity proximity,
                               Consumer<PathChange> listener) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.proximity = Objects.requireNonNull(proximity, "proximity");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public MonitorSettings settings() {
        return settings;
    }

    /** S-05: {@link MonitorSettings#stallBoundMillis()}. */
    public long stallBoundMillis() {
        return settings.stallBoundMillis();
    }

    // ---- topology ----

    /**
     * Registers the monitor of the storage controller on {@code monitorHost}, presumed answering and undamped (it was
     * just deployed). Every host's path is re-evaluated, so a host may move to it at once
     * ({@link PathChangeReason#MONITOR_ADDED}).
     */
    public void addMonitor(String monitorHost) {
        Objects.requireNonNull(monitorHost, "monitorHost");
        if (monitors.contains(monitorHost)) {
            throw new IllegalArgumentException("monitor on " + monitorHost + " is already registered");
        }
        monitors.add(monitorHost);
        for (HostView host : hosts.values()) {
            host.add(monitorHost);
            Health target = host.path.isNone()
                    ? best(host)
                    : nearestReadyBefore(host, host.health(host.currentMonitor()));
            if (target != null) {
                change(host, IoPath.via(target.monitor), PathChangeReason.MONITOR_ADDED,
                        "monitor on " + monitorHost + " registered", -1);
            }
        }
    }

    /** Registers a host whose VMs do Glue I/O; it takes the nearest monitor at once (S-04). */
    public void addHost(String host) {
        Objects.requireNonNull(host, "host");
        if (hosts.containsKey(host)) {
            throw new IllegalArgumentException("host " + host + " is already registered");
        }
        HostView view = new HostView(host);
        hosts.put(host, view);
        for (String monitor : monitors) {
            view.add(monitor);
        }
        Health nearest = best(view);
        if (nearest != null) {
            view.path = IoPath.via(nearest.monitor);
        }
        emit(view, List.of(), IoPath.NONE, view.path, PathChangeReason.INITIAL,
                nearest == null ? "no monitor registered" : "nearest monitor");
    }

    /**
     * Registers a cluster: the monitor of every storage controller that runs one, every host, and every placed VM
     * with a Glue disk.
     */
    public void registerCluster(ClusterSpec spec) {
        for (HostSpec host : spec.hosts()) {
            if (host.storageController() != null && host.storageController().runsMonitor()) {
                addMonitor(host.name());
            }
        }
        for (HostSpec host : spec.hosts()) {
            addHost(host.name());
        }
        for (VmSpec vm : spec.vms()) {
            if (vm.host() != null && hosts.containsKey(vm.host())
                    && vm.disks().stream().map(DiskSpec::storage).anyMatch(s -> s == StorageType.GLUE_RBD)) {
                attachVm(vm.name(), vm.host());
            }
        }
    }

    /** The registered hosts, by name. */
    public List<String> hosts() {
        return List.copyOf(hosts.keySet());
    }

    /** The monitors {@code host} probes, nearest first (S-04, S-05). */
    public List<String> monitorOrder(String host) {
        List<String> order = new ArrayList<>();
        for (Health h : view(host).order) {
            order.add(h.monitor);
        }
        return order;
    }

    // ---- probe results (from MonitorProbeLoop) ----

    /** {@code monitorHost} answered a probe from {@code fromHost} that started at {@code probeStartedAt}. */
    public void recordAnswer(String fromHost, String monitorHost, long probeStartedAt, long latencyMillis) {
        HostView host = view(fromHost);
        Health monitor = host.health(monitorHost);
        long now = clock.nowMillis();
        if (monitor.misses > 0) {
            monitor.misses = 0;
            monitor.answeringSince = now;
            monitor.decayFrom = now + settings.holdMillis(monitor.repeats);
        }
        monitor.decay(now);
        monitor.lastAnswerAt = now;
        monitor.lastLatency = latencyMillis;
        if (monitorHost.equals(host.currentMonitor())) {
            for (VmIo vm : host.vms()) {
                vm.acknowledge(monitorHost);
            }
        }
        evaluate(host);
    }

    /**
     * The probes from {@code fromHost} to {@code monitorHosts}, started at {@code probeStartedAt}, were not answered in
     * time. One probe round's misses come in one call, so monitors that fail together are judged together.
     */
    public void recordMisses(String fromHost, List<String> monitorHosts, long probeStartedAt) {
        HostView host = view(fromHost);
        for (String monitorHost : monitorHosts) {
            Health monitor = host.health(monitorHost);
            if (monitor.misses == 0) {
                monitor.firstMissStartedAt = probeStartedAt;
            }
            monitor.misses++;
            if (monitor.misses == settings.missThreshold()) {
                monitor.declaredDown(clock.nowMillis());
            }
        }
        evaluate(host);
    }

    // ---- VMs and their writes ----

    /**
     * Attaches {@code vm} to {@code host}: it starts there, or arrives by migration (then it leaves its old host, and
     * its pending writes go through the new host's path).
     */
    public void attachVm(String vm, String host) {
        HostView target = view(host);
        VmIo io = vms.computeIfAbsent(vm, VmIo::new);
        IoPath from = IoPath.NONE;
        if (io.host != null) {
            HostView old = view(io.host);
            from = old.path;
            io.endStall(clock.nowMillis());
            old.vms.remove(vm);
        }
        io.host = host;
        io.attachedAt = clock.nowMillis();
        target.vms.add(vm);
        io.send(target.path);
        if (target.path.isNone()) {
            io.stallSince = io.attachedAt;
        }
        emit(target, List.of(vm), from, target.path, PathChangeReason.VM_ATTACHED,
                from.isNone() ? "VM attached" : "VM migrated here");
    }

    /** Detaches {@code vm} (it stopped); its pending writes are kept and go out again if it is attached again. */
    public void detachVm(String vm) {
        VmIo io = vm(vm);
        if (io.host == null) {
            return;
        }
        HostView host = view(io.host);
        io.endStall(clock.nowMillis());
        io.send(IoPath.NONE);
        host.vms.remove(vm);
        io.host = null;
        emit(host, List.of(vm), host.path, IoPath.NONE, PathChangeReason.VM_DETACHED, "VM detached");
    }

    /** The guest of {@code vm} issues a write; returns its sequence number (1, 2, …). */
    public long issueWrite(String vm) {
        VmIo io = vm(vm);
        if (io.host == null) {
            throw new IllegalStateException("VM " + vm + " is not attached to a host; it cannot write");
        }
        return io.issue(view(io.host).path);
    }

    // ---- observation ----

    public IoPath path(String host) {
        return view(host).path;
    }

    /** The path of {@code vm}: its host's, or none when detached. */
    public IoPath pathOf(String vm) {
        VmIo io = vm(vm);
        return io.host == null ? IoPath.NONE : view(io.host).path;
    }

    public MonitorHealth health(String host, String monitorHost) {
        Health h = view(host).health(monitorHost);
        long now = clock.nowMillis();
        h.decay(now);
        return new MonitorHealth(h.monitor, h.misses, h.down(), h.ready(now), h.repeats,
                settings.holdMillis(h.repeats), h.lastAnswerAt, h.misses == 0 ? h.answeringSince : -1,
                h.lastLatency);
    }

    public IoCounters counters(String vm) {
        VmIo io = vm(vm);
        long now = clock.nowMillis();
        long stalled = io.stalledMillis + (io.stallSince >= 0 ? now - io.stallSince : 0);
        return new IoCounters(vm, io.host, pathOf(vm), io.issued, io.acknowledged, io.pending.size(), io.replayed,
                io.issued - io.acknowledged - io.pending.size(), stalled, io.failovers, io.failbacks, io.stalls);
    }

    public HostPathCounters hostCounters(String host) {
        HostView h = view(host);
        return new HostPathCounters(host, h.path, h.failovers, h.failbacks, h.stalls, h.resumes,
                h.longestFailoverStall);
    }

    /** The VMs attached or once attached, by name. */
    public List<String> vms() {
        return List.copyOf(vms.keySet());
    }

    // ---- the rules ----

    private void evaluate(HostView host) {
        long now = clock.nowMillis();
        String current = host.currentMonitor();
        if (current == null) {
            Health target = best(host);
            if (target != null) {
                host.resumes++;
                change(host, IoPath.via(target.monitor), PathChangeReason.RESUME,
                        target.monitor + " answers; held I/O resumes after " + (now - host.stallStartedAt) + " ms",
                        host.stallStartedAt);
            }
            return;
        }
        Health path = host.health(current);
        if (path.down()) {
            long stallStart = path.firstMissStartedAt;
            String evidence = current + " missed " + path.misses + " probes since t=" + stallStart;
            Health target = best(host);
            if (target != null) {
                host.failovers++;
                host.longestFailoverStall = Math.max(host.longestFailoverStall, now - stallStart);
                change(host, IoPath.via(target.monitor), PathChangeReason.FAILOVER,
                        evidence + "; I/O stalled " + (now - stallStart) + " ms", stallStart);
            } else {
                host.stalls++;
                host.stallStartedAt = stallStart;
                change(host, IoPath.NONE, PathChangeReason.STALL, evidence + "; no monitor answers, I/O held",
                        stallStart);
            }
            return;
        }
        Health nearer = nearestReadyBefore(host, path);
        if (nearer != null) {
            host.failbacks++;
            change(host, IoPath.via(nearer.monitor), PathChangeReason.FAILBACK, nearer.repeats == 0
                    ? nearer.monitor + " answers again"
                    : nearer.monitor + " answered every probe for " + (now - nearer.answeringSince)
                            + " ms, its hold after " + nearer.repeats + (nearer.repeats == 1 ? " repeat" : " repeats")
                            + " being " + settings.holdMillis(nearer.repeats) + " ms", -1);
        }
    }

    /** The nearest ready monitor, else the nearest that answered its latest probe, else null. */
    private Health best(HostView host) {
        long now = clock.nowMillis();
        for (Health h : host.order) {
            if (h.ready(now)) {
                return h;
            }
        }
        for (Health h : host.order) {
            if (h.misses == 0) {
                return h;
            }
        }
        return null;
    }

    /** The nearest ready monitor nearer than {@code current}, or null. */
    private Health nearestReadyBefore(HostView host, Health current) {
        long now = clock.nowMillis();
        for (Health h : host.order) {
            if (h == current) {
                return null;
            }
            if (h.ready(now)) {
                return h;
            }
        }
        return null;
    }

    private void change(HostView host, IoPath to, PathChangeReason reason, String detail, long stallStart) {
        long now = clock.nowMillis();
        IoPath from = host.path;
        host.path = to;
        if (to instanceof IoPath.Via via && reason != PathChangeReason.MONITOR_ADDED) {
            host.health(via.monitorHost()).lastRegainAt = now;
        }
        List<String> affected = new ArrayList<>(host.vms);
        for (String name : affected) {
            VmIo vm = vms.get(name);
            switch (reason) {
                case FAILOVER -> {
                    vm.failovers++;
                    vm.stalledMillis += now - Math.max(stallStart, vm.attachedAt);
                }
                case FAILBACK -> vm.failbacks++;
                case STALL -> {
                    vm.stalls++;
                    vm.stallSince = Math.max(stallStart, vm.attachedAt);
                }
                default -> vm.endStall(now);
            }
            vm.send(to);
        }
        emit(host, affected, from, to, reason, detail);
    }

    private void emit(HostView host, List<String> affected, IoPath from, IoPath to, PathChangeReason reason,
                      String detail) {
        listener.accept(new PathChange(clock.nowMillis(), host.name, affected, from, to, reason, detail));
    }

    private HostView view(String host) {
        HostView view = hosts.get(host);
        if (view == null) {
            throw new IllegalArgumentException("host " + host + " is not registered with the monitor path selector");
        }
        return view;
    }

    private VmIo vm(String vm) {
        VmIo io = vms.get(vm);
        if (io == null) {
            throw new IllegalArgumentException("VM " + vm + " was never attached to a host");
        }
        return io;
    }

    // ---- state ----

    /** One host's view: its monitors nearest first, its path and its VMs. */
    private final class HostView {
        final String name;
        final List<Health> order = new ArrayList<>();
        /** {@link #order} by monitor name: every probe answer looks its monitor up. */
        final Map<String, Health> byMonitor = new TreeMap<>();
        final TreeSet<String> vms = new TreeSet<>();
        IoPath path = IoPath.NONE;
        long stallStartedAt;
        long failovers;
        long failbacks;
        long stalls;
        long resumes;
        long longestFailoverStall;

        HostView(String name) {
            this.name = name;
            this.stallStartedAt = clock.nowMillis();
        }

        void add(String monitor) {
            Health health = new Health(monitor, proximity.distance(name, monitor), clock.nowMillis());
            order.add(health);
            byMonitor.put(monitor, health);
            order.sort(Comparator.comparing((Health h) -> !h.monitor.equals(name))
                    .thenComparingLong(h -> h.distance)
                    .thenComparing(h -> h.monitor));
        }

        Health health(String monitor) {
            Health h = byMonitor.get(monitor);
            if (h == null) {
                throw new IllegalArgumentException("monitor on " + monitor + " is not registered");
            }
            return h;
        }

        String currentMonitor() {
            return path instanceof IoPath.Via via ? via.monitorHost() : null;
        }

        List<VmIo> vms() {
            List<VmIo> attached = new ArrayList<>(vms.size());
            for (String vm : vms) {
                attached.add(MonitorPathSelector.this.vms.get(vm));
            }
            return attached;
        }
    }

    /** What one host knows about one monitor. */
    private final class Health {
        final String monitor;
        final long distance;
        int misses;
        long firstMissStartedAt;
        long lastAnswerAt;
        long answeringSince;
        long lastLatency = -1;
        /** S-09: failures soon after regaining the path, net of decay; the hold is {@code holdMillis(repeats)}. */
        int repeats;
        /** When the path last moved to this monitor, or its last repeat; a failure within the window is a repeat. */
        long lastRegainAt = Long.MIN_VALUE / 2;
        /** From when its healthy time takes repeats off: once it answers again and has served its hold. */
        long decayFrom;

        Health(String monitor, long distance, long registeredAt) {
            this.monitor = monitor;
            this.distance = distance;
            this.lastAnswerAt = registeredAt;
            this.answeringSince = registeredAt;
        }

        boolean down() {
            return misses >= settings.missThreshold();
        }

        /** Answered its latest probe and has answered every probe for its hold (none unless damped: S-06). */
        boolean ready(long now) {
            return misses == 0 && now - answeringSince >= settings.holdMillis(repeats);
        }

        /** S-09: declared down; within the damping window of regaining the path (or of a repeat) it is a repeat. */
        void declaredDown(long now) {
            if (now - lastRegainAt <= settings.dampingWindowMillis()) {
                repeats = Math.min(repeats + 1, settings.maxRepeats());
                lastRegainAt = now;
            }
        }

        /** S-09: every whole damping window of answers after its hold takes one repeat off. */
        void decay(long now) {
            if (repeats == 0 || misses > 0 || now < decayFrom) {
                return;
            }
            long windows = (now - decayFrom) / settings.dampingWindowMillis();
            if (windows > 0) {
                repeats = (int) Math.max(0, repeats - windows);
                decayFrom += windows * settings.dampingWindowMillis();
            }
        }
    }

    /** One VM's write queue and counters. */
    private static final class VmIo {
        final String name;
        final Deque<Write> pending = new ArrayDeque<>();
        String host;
        long attachedAt;
        long issued;
        long acknowledged;
        long lastAcknowledged;
        long replayed;
        long stalledMillis;
        long stallSince = -1;
        long failovers;
        long failbacks;
        long stalls;

        VmIo(String name) {
            this.name = name;
        }

        long issue(IoPath path) {
            Write write = new Write(++issued);
            pending.addLast(write);
            write.sendVia(path);
            return write.sequence;
        }

        /** The monitor answered: it was alive after every write sent through it, so they are acknowledged in order. */
        void acknowledge(String monitor) {
            while (!pending.isEmpty() && monitor.equals(pending.peekFirst().sentVia)) {
                Write write = pending.removeFirst();
                if (write.sequence <= lastAcknowledged) {
                    throw new IllegalStateException("VM " + name + ": write " + write.sequence
                            + " acknowledged after write " + lastAcknowledged);
                }
                lastAcknowledged = write.sequence;
                acknowledged++;
            }
        }

        /** Every pending write goes (again) through {@code path}, in order, or is held when there is none. */
        void send(IoPath path) {
            for (Write write : pending) {
                if (write.sent && path instanceof IoPath.Via via && !via.monitorHost().equals(write.sentVia)) {
                    replayed++;
                }
                write.sendVia(path);
            }
        }

        void endStall(long now) {
            if (stallSince >= 0) {
                stalledMillis += now - stallSince;
                stallSince = -1;
            }
        }
    }

    private static final class Write {
        final long sequence;
        String sentVia;
        boolean sent;

        Write(long sequence) {
            this.sequence = sequence;
        }

        void sendVia(IoPath path) {
            if (path instanceof IoPath.Via via) {
                sentVia = via.monitorHost();
                sent = true;
            } else {
                sentVia = null;
            }
        }
    }
}
