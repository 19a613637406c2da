package io.cellharness.sim.world;

import io.cellharness.core.capacity.CapacityCheck;
import io.cellharness.core.capacity.HostLoad;
import io.cellharness.core.capacity.PlacementDecision;
import io.cellharness.core.host.HostSuspendPolicy;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.DomainInfo;
import io.cellharness.core.port.DomainState;
import io.cellharness.core.port.LifecycleEvent;
import io.cellharness.core.port.LifecycleEventType;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PowerState;
import io.cellharness.core.validation.Problem;
import io.cellharness.core.validation.SpecValidator;
import io.cellharness.core.validation.ValidationReport;
import io.cellharness.core.port.Scheduler.Cancellable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A simulated Cube host: chassis power, the OS (booting, running, crashed), libvirtd (answering or hung), the
 * domains its libvirt knows, the processes that run while it is up, and its hardware watchdog.
 *
 * <p>The domain operations here are what libvirtd does; {@link SimHypervisor} adds the client's view (latency,
 * timeouts, reachability).
 */
public final class SimHost {

    /** The state of the operating system. */
    public enum Os {
        OFF,
        BOOTING,
        RUNNING,
        CRASHED
    }

    private final SimCluster cluster;
    private final HostSpec spec;
    private final TreeMap<String, SimDomain> domains = new TreeMap<>();
    private final List<Consumer<LifecycleEvent>> listeners = new ArrayList<>();
    private final List<ProcessScope> processes = new ArrayList<>();
    private PowerState power = PowerState.ON;
    private Os os = Os.RUNNING;
    private boolean libvirtHung;
    private boolean watchdogArmed;
    private long lastPet;
    private Cancellable watchdogTimer;
    private Cancellable bootTimer;
    private long boots;
    private long runningSince;

    SimHost(SimCluster cluster, HostSpec spec) {
        this.cluster = cluster;
        this.spec = spec;
    }

    public String name() {
        return spec.name();
    }

    public HostSpec spec() {
        return spec;
    }

    public PowerState power() {
        return power;
    }

    public Os os() {
        return os;
    }

    /** Powered, booted and not crashed: its processes and libvirtd run. */
    public boolean up() {
        return power == PowerState.ON && os == Os.RUNNING;
    }

    public boolean libvirtHung() {
        return libvirtHung;
    }

    /** Whether libvirtd answers calls now. */
    public boolean libvirtAnswers() {
        return up() && !libvirtHung;
    }

    /** How many times the host has booted in this run (the first boot is the start of the run). */
    public long boots() {
        return boots;
    }

    public List<SimDomain> domains() {
        return List.copyOf(domains.values());
    }

    public SimDomain domain(String vm) {
        return domains.get(vm);
    }

    /** The names of the domains with a QEMU process on this host, sorted. */
    public List<String> activeDomains() {
        List<String> active = new ArrayList<>();
        for (SimDomain d : domains.values()) {
            if (d.active()) {
                active.add(d.name());
            }
        }
        return active;
    }

    // ---- power and OS ----

    /** The kernel panics: power stays on (the BMC still says on), everything on the host stops. */
    public void crash(String why) {
        if (power == PowerState.OFF || os == Os.CRASHED || os == Os.OFF) {
            return;
        }
        cluster.trace(name(), "crash", why);
        os = Os.CRASHED;
        stopEverything("host crashed");
    }

    /** The chassis loses power now. */
    public void powerOff(String why) {
        if (power == PowerState.OFF) {
            return;
        }
        cluster.trace(name(), "power-off", why);
        power = PowerState.OFF;
        os = Os.OFF;
        stopEverything("host powered off");
    }

    /** The chassis is powered on (no effect if it is on); the OS boots. */
    public void powerOn(String why) {
        if (power == PowerState.ON) {
            return;
        }
        cluster.trace(name(), "power-on", why);
        power = PowerState.ON;
        boot();
    }

    /** A hard reset: everything stops and the OS boots again. */
    public void reset(String why) {
        if (power == PowerState.OFF) {
            return;
        }
        cluster.trace(name(), "reset", why);
        os = Os.BOOTING;
        stopEverything("host reset");
        boot();
    }

    private void boot() {
        os = Os.BOOTING;
        libvirtHung = false;
        bootTimer = cluster.sim().after(cluster.settings().hostBootMillis(), "boot " + name(), () -> {
            os = Os.RUNNING;
            runningSince = cluster.sim().nowMillis();
            boots++;
            cluster.trace(name(), "booted", "boot " + boots);
            cluster.hostBooted(this);
        });
    }

    private void stopEverything(String why) {
        if (bootTimer != null) {
            bootTimer.cancel();
            bootTimer = null;
        }
        for (ProcessScope p : processes) {
            p.kill();
        }
        processes.clear();
        disarmWatchdog();
        List<String> lost = new ArrayList<>();
        for (SimDomain d : domains.values()) {
            if (d.active()) {
                d.setState(DomainState.SHUTOFF, why);
                cluster.ledger().stopped(name(), d.name(), why);
                lost.add(d.name());
            }
        }
        cluster.hostWentDown(this, lost);
    }

    /** libvirtd stops answering (it is alive but hung); domains keep running. */
    public void hangLibvirt() {
        if (up() && !libvirtHung) {
            libvirtHung = true;
            cluster.trace(name(), "libvirtd-hang", "");
        }
    }

    public void unhangLibvirt() {
        if (libvirtHung) {
            libvirtHung = false;
            cluster.trace(name(), "libvirtd-resume", "");
        }
    }

    // ---- processes ----

    /** Starts a process on this host for its current life; it dies with the host. */
    public ProcessScope startProcess(String processName) {
        ProcessScope scope = new ProcessScope(cluster.sim(), name(), processName);
        if (up()) {
            processes.add(scope);
        } else {
            scope.kill();
        }
        return scope;
    }

    // ---- watchdog (H-06) ----

    /** Arms the hardware watchdog: unless petted within {@code timeoutMillis}, the host resets. */
    public void armWatchdog() {
        if (watchdogArmed || !up()) {
            return;
        }
        watchdogArmed = true;
        lastPet = cluster.sim().nowMillis();
        long timeout = cluster.settings().watchdogTimeoutMillis();
        long checkEvery = Math.max(1, timeout / 10);
        watchdogTimer = cluster.sim().periodic(checkEvery, checkEvery, "watchdog " + name(), () -> {
            if (cluster.sim().nowMillis() - lastPet >= timeout) {
                reset("watchdog: no contact with storage or manager for " + timeout + " ms");
            }
        });
    }

    public void petWatchdog() {
        lastPet = cluster.sim().nowMillis();
    }

    /**
     * Whether the watchdog is armed and was fed less than its timeout ago: the host's current life goes on, so it may
     * run VMs (H-06).
     */
    public boolean watchdogFed() {
        return watchdogArmed && cluster.sim().nowMillis() - lastPet < cluster.settings().watchdogTimeoutMillis();
    }

    /** When the OS last finished booting (0 for the first boot, at the start of the run). */
    public long runningSince() {
        return runningSince;
    }

    private void disarmWatchdog() {
        watchdogArmed = false;
        if (watchdogTimer != null) {
            watchdogTimer.cancel();
            watchdogTimer = null;
        }
    }

    // ---- lifecycle events ----

    void addListener(Consumer<LifecycleEvent> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<LifecycleEvent> listener) {
        listeners.remove(listener);
    }

    private void emit(String vm, LifecycleEventType type, String detail) {
        LifecycleEvent event = new LifecycleEvent(name(), vm, type, detail);
        for (Consumer<LifecycleEvent> l : List.copyOf(listeners)) {
            l.accept(event);
        }
    }

    // ---- what libvirtd does (called by SimHypervisor when a call arrives) ----

    /**
     * Defines a domain. Like the libvirt backend (whose renderer cannot express a VM beyond L-01 … L-04), the simulated
     * libvirtd refuses one, naming every broken rule.
     */
    OpResult<Void> define(VmSpec vm) {
        ValidationReport report = SpecValidator.validateVm(vm);
        if (!report.valid()) {
            return OpResult.failed("VM '" + vm.name() + "' cannot be defined: " + report.errors().stream()
                    .map(Problem::oneLine).collect(java.util.stream.Collectors.joining("; ")));
        }
        SimDomain existing = domains.get(vm.name());
        if (existing != null && existing.active()) {
            return OpResult.failed("domain '" + vm.name() + "' is running; it cannot be redefined now");
        }
        domains.put(vm.name(), new SimDomain(vm));
        cluster.trace(name(), "define", vm.name());
        emit(vm.name(), LifecycleEventType.DEFINED, existing == null ? "added" : "updated");
        return OpResult.ok();
    }

    OpResult<Void> undefine(String vm) {
        SimDomain d = domains.get(vm);
        if (d == null) {
            return OpResult.failed("no domain '" + vm + "'");
        }
        if (d.active()) {
            return OpResult.failed("domain '" + vm + "' is running; destroy it first");
        }
        domains.remove(vm);
        cluster.trace(name(), "undefine", vm);
        emit(vm, LifecycleEventType.UNDEFINED, "removed");
        return OpResult.ok();
    }

    /** Checks L-05/L-07 against the active domains, then starts the domain. */
    OpResult<Void> start(String vm) {
        SimDomain d = domains.get(vm);
        if (d == null) {
            return OpResult.failed("no domain '" + vm + "'");
        }
        if (d.active()) {
            return OpResult.failed("domain '" + vm + "' is already running");
        }
        HostLoad load = HostLoad.EMPTY;
        for (SimDomain other : domains.values()) {
            if (other.active()) {
                load = load.plus(other.spec());
            }
        }
        PlacementDecision fit = CapacityCheck.check(spec, load, d.spec(), cluster.spec().settings().overcommit());
        if (fit instanceof PlacementDecision.Refused refused) {
            cluster.trace(name(), "start-refused", vm + " " + refused.message());
            return OpResult.failed(refused.message());
        }
        d.setState(DomainState.RUNNING, "booted");
        cluster.trace(name(), "start", vm);
        cluster.ledger().started(name(), vm);
        emit(vm, LifecycleEventType.STARTED, "booted");
        return OpResult.ok();
    }

    OpResult<Void> destroy(String vm) {
        SimDomain d = domains.get(vm);
        if (d == null) {
            return OpResult.failed("no domain '" + vm + "'");
        }
        if (!d.active()) {
            return OpResult.failed("domain '" + vm + "' is not running");
        }
        d.setState(DomainState.SHUTOFF, "destroyed");
        cluster.trace(name(), "destroy", vm);
        cluster.ledger().stopped(name(), vm, "destroyed");
        emit(vm, LifecycleEventType.STOPPED, "destroyed");
        return OpResult.ok();
    }

    /** Delivers ACPI shutdown; the guest powers off a little later. */
    OpResult<Void> shutdown(String vm) {
        SimDomain d = domains.get(vm);
        if (d == null || !d.active()) {
            return OpResult.failed("domain '" + vm + "' is not running");
        }
        cluster.trace(name(), "shutdown-requested", vm);
        long boot = boots;
        cluster.sim().after(cluster.settings().guestShutdownMillis(), "guest shutdown " + vm, () -> {
            if (boots == boot && up() && d == domains.get(vm) && d.active()) {
                d.setState(DomainState.SHUTOFF, "shutdown");
                cluster.trace(name(), "shutdown", vm);
                cluster.ledger().stopped(name(), vm, "shutdown");
                emit(vm, LifecycleEventType.SHUTDOWN, "finished");
                emit(vm, LifecycleEventType.STOPPED, "shutdown");
            }
        });
        return OpResult.ok();
    }

    OpResult<Void> suspend(String vm) {
        SimDomain d = domains.get(vm);
        if (d == null || d.state() != DomainState.RUNNING) {
            return OpResult.failed("domain '" + vm + "' is not running");
        }
        d.setState(DomainState.PAUSED, "user");
        cluster.trace(name(), "suspend", vm);
        emit(vm, LifecycleEventType.SUSPENDED, "paused");
        return OpResult.ok();
    }

    OpResult<Void> resume(String vm) {
        SimDomain d = domains.get(vm);
        if (d == null || d.state() != DomainState.PAUSED) {
            return OpResult.failed("domain '" + vm + "' is not paused");
        }
        d.setState(DomainState.RUNNING, "unpaused");
        cluster.trace(name(), "resume", vm);
        emit(vm, LifecycleEventType.RESUMED, "unpaused");
        return OpResult.ok();
    }

    /** S-08: the guest's I/O cannot progress; QEMU pauses it ({@code paused: I/O error}) until storage answers. */
    public void pauseOnIo(String vm, String why) {
        SimDomain d = domains.get(vm);
        if (d != null && d.state() == DomainState.RUNNING) {
            d.setState(DomainState.PAUSED, why);
            emit(vm, LifecycleEventType.SUSPENDED, "ioerror");
        }
    }

    /** S-08: storage answers again; the guest runs on by itself. */
    public void resumeFromIo(String vm, String why) {
        SimDomain d = domains.get(vm);
        if (d != null && d.state() == DomainState.PAUSED && d.reason().contains("I/O")) {
            d.setState(DomainState.RUNNING, why);
            emit(vm, LifecycleEventType.RESUMED, "unpaused");
        }
    }

    List<DomainInfo> list() {
        List<DomainInfo> list = new ArrayList<>(domains.size());
        for (SimDomain d : domains.values()) {
            list.add(new DomainInfo(d.name(), d.state(), d.reason()));
        }
        return list;
    }

    /** L-09: the host refuses to suspend or hibernate while any VM runs on it. */
    public HostSuspendPolicy.Decision requestSuspend(HostSuspendPolicy.Request request) {
        HostSuspendPolicy.Decision decision = HostSuspendPolicy.check(name(), request, activeDomains());
        cluster.trace(name(), "suspend-request", request.name().toLowerCase(java.util.Locale.ROOT) + " "
                + (decision instanceof HostSuspendPolicy.Decision.Refused ? "refused" : "allowed"));
        return decision;
    }

    /**
     * L-08: the guest memory actually used on this host; when it exceeds physical memory the kernel kills the guest
     * using the most, until it fits. The host and the other VMs keep running.
     */
    public void setGuestMemoryUse(String vm, long usedBytes) {
        SimDomain d = domains.get(vm);
        if (d == null) {
            return;
        }
        d.setUsedMemoryBytes(usedBytes);
        enforcePhysicalMemory();
    }

    private void enforcePhysicalMemory() {
        long physical = spec.memory().bytes();
        while (true) {
            long used = 0;
            SimDomain largest = null;
            for (SimDomain d : domains.values()) {
                if (d.active()) {
                    used += d.usedMemoryBytes();
                    if (largest == null || d.usedMemoryBytes() > largest.usedMemoryBytes()) {
                        largest = d;
                    }
                }
            }
            if (used <= physical || largest == null) {
                return;
            }
            String why = "out of host memory: guests use " + used + " bytes of " + physical + " (L-08)";
            largest.setState(DomainState.CRASHED, why);
            cluster.trace(name(), "guest-killed", largest.name() + " " + why);
            cluster.ledger().stopped(name(), largest.name(), why);
            emit(largest.name(), LifecycleEventType.CRASHED, "oom");
        }
    }

    /** Removes a domain whose state moved to another host by migration (G-01); the source copy stops. */
    void migratedAway(String vm) {
        SimDomain d = domains.get(vm);
        if (d != null) {
            if (d.active()) {
                d.setState(DomainState.SHUTOFF, "migrated");
                cluster.ledger().stopped(name(), vm, "migrated");
            }
            domains.remove(vm);
            emit(vm, LifecycleEventType.STOPPED, "migrated");
            emit(vm, LifecycleEventType.UNDEFINED, "removed");
        }
    }

    /** Receives a migrated domain: defined and running here (G-01), in the same event as the source stops. */
    void migratedIn(VmSpec vm) {
        SimDomain d = new SimDomain(vm);
        domains.put(vm.name(), d);
        d.setState(DomainState.RUNNING, "migrated");
        cluster.ledger().started(name(), vm.name());
        emit(vm.name(), LifecycleEventType.DEFINED, "added");
        emit(vm.name(), LifecycleEventType.RESUMED, "migrated");
    }
}
