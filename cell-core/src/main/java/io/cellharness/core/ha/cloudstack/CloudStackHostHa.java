package io.cellharness.core.ha.cloudstack;

import io.cellharness.core.capacity.HostLoad;
import io.cellharness.core.ha.FenceChannel;
import io.cellharness.core.ha.HaEngine;
import io.cellharness.core.ha.HaObserver;
import io.cellharness.core.ha.HaPolicy;
import io.cellharness.core.ha.HaPorts;
import io.cellharness.core.ha.HostHaState;
import io.cellharness.core.ha.RecoveryPlacer;
import io.cellharness.core.mac.MacAllocator;
import io.cellharness.core.migration.LiveMigrator;
import io.cellharness.core.migration.MigrationOptions;
import io.cellharness.core.migration.MigrationPlan;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.network.NetworkFabric;
import io.cellharness.core.port.Clock;
import io.cellharness.core.port.FenceDriver;
import io.cellharness.core.port.FenceDrivers;
import io.cellharness.core.port.Hypervisors;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PeerChannel;
import io.cellharness.core.port.PeerMessage;
import io.cellharness.core.port.PowerState;
import io.cellharness.core.port.Scheduler;
import io.cellharness.core.port.StorageHeartbeats;
import io.cellharness.core.port.Subscription;
import io.cellharness.core.provision.VmDefiner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * CloudStack KVM Host HA (the {@code cloudstack} policy), as Mold runs it: {@code HAManagerImpl}'s background poll over
 * {@code HAConfig}'s state machine ({@link CloudStackHaEvent}), with {@code KVMHAProvider}'s checks, recovery and fence.
 *
 * <p>Every poll ({@code HAManagerBgPollTask}, 4 s): eligibility ({@code isEligible}: out-of-band management, not in
 * maintenance, a neighbour); a health check in Available, Suspect, Degraded and Fenced; from Suspect an activity check
 * at most every activity check interval; after {@code max.attempts} checks, Recovering when more than the failure
 * ratio found no activity, else Degraded (rechecked after {@code degraded.max.period}); Recovering resets the host
 * through its BMC ({@code KVMHAProvider.recover}: refused when the cached power state is Off), and after
 * {@code recover.failure.threshold} attempts the host goes to Fencing ({@code KVMHAProvider.fence}: power off; with a
 * cached power state of Unknown it returns success without any command, apache/cloudstack#13377). Fencing has no exit
 * but Fenced: a BMC that refuses the power-off keeps the host there, retried every poll (#13376, #13589). A successful
 * recovery or fence restarts the host's HA VMs elsewhere ({@code fenceSubResources}); a fenced host is put in
 * maintenance. Recovered waits {@code recover.wait.period} before Available.
 *
 * <p>The out-of-band power state is a cache refreshed every poll by a power status command
 * ({@code OutOfBandManagementPowerStatePollTask}); a command that fails or times out makes it Unknown.
 *
 * <p>Where this model differs from upstream, on purpose: tasks do not run concurrently with themselves (one health,
 * activity, recovery or fence task per host at a time); VM HA restarts the HA VMs at once with the engine's placement
 * (upstream's {@code HighAvailabilityManager} investigates first); the accepted-problematic-hosts ratio
 * ({@code KvmHaHelper.isClusteProblematic}) is applied to every health check, counting a host problematic while its
 * agent's reports have stopped for longer than the health check timeout.
 */
public final class CloudStackHostHa implements HaEngine {

    private final String node;
    private final ClusterSpec cluster;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Hypervisors hypervisors;
    private final FenceDrivers fenceDrivers;
    private final PeerChannel peers;
    private final StorageHeartbeats storageReader;
    private final HaObserver observer;
    private final CloudStackHaSettings settings;
    private final KvmHostActivityChecker checker;
    private final RecoveryPlacer placer;
    private final VmDefiner definer;
    private final TreeMap<String, Resource> hosts = new TreeMap<>();
    private final TreeMap<String, VmSpec> vms = new TreeMap<>();
    /** Where each VM is believed to run (the VM's host_id). */
    private final TreeMap<String, String> placement = new TreeMap<>();
    /** HA VMs to restart, with the host they were lost from. */
    private final TreeMap<String, String> homeless = new TreeMap<>();
    /** HA VMs being started: VM to target. */
    private final TreeMap<String, String> starting = new TreeMap<>();
    private final TreeMap<String, Boolean> migrating = new TreeMap<>();
    private Subscription serving;
    private Scheduler.Cancellable poll;
    private boolean problematicAlerted;

    /** The out-of-band management power state cache ({@code OutOfBandManagement.PowerState}). */
    enum OobmPower { ON, OFF, UNKNOWN }

    /** One host: its {@code HAConfig} and {@code HAResourceCounter}. */
    private static final class Resource {
        final HostSpec spec;
        CloudStackHaState state = CloudStackHaState.AVAILABLE;
        // HAResourceCounter
        int activityChecks;
        int activityFailures;
        int recoveryAttempts;
        long lastActivityCheckAt = -1;
        long degradedAt = -1;
        long recoverStartedAt = -1;
        // tasks in flight
        boolean healthInFlight;
        boolean activityInFlight;
        boolean recoveryInFlight;
        boolean fenceInFlight;
        boolean syncInFlight;
        int fenceAttempt;
        // out-of-band power state cache
        OobmPower power = OobmPower.UNKNOWN;
        // the storage heartbeat as the manager sees it
        boolean readPending;
        long counter = -1;
        long counterChangedAt = -1;
        long counterAtSuspect = -1;
        // the agent's connection (its reports) and its last health
        long lastReportAt;
        boolean maintenance;

        Resource(HostSpec spec) {
            this.spec = spec;
        }

        String name() {
            return spec.name();
        }
    }

    public CloudStackHostHa(HaPorts ports, CloudStackHaSettings settings) {
        this.node = ports.node();
        this.cluster = ports.cluster();
        this.scheduler = ports.scheduler();
        this.clock = ports.clock();
        this.hypervisors = ports.hypervisors();
        this.fenceDrivers = ports.fenceDrivers();
        this.peers = ports.peers();
        this.observer = ports.observer();
        this.settings = settings;
        this.checker = new KvmHostActivityChecker(node, cluster, peers, ports.storage(), settings);
        this.placer = new RecoveryPlacer(cluster);
        this.definer = new VmDefiner(MacAllocator.rebuild(cluster, ports.random().split("mac"), null));
        for (HostSpec h : cluster.hosts()) {
            hosts.put(h.name(), new Resource(h));
        }
        for (VmSpec vm : cluster.vms()) {
            vms.put(vm.name(), vm);
            if (vm.host() != null) {
                placement.put(vm.name(), vm.host());
            }
        }
        this.storageReader = ports.storage();
    }

    @Override
    public HaPolicy policy() {
        return HaPolicy.CLOUDSTACK;
    }

    @Override
    public void start() {
        long now = clock.nowMillis();
        for (Resource r : hosts.values()) {
            r.lastReportAt = now;
        }
        serving = peers.serve(node, this::handle);
        poll = scheduler.periodic(settings.pollMillis(), settings.pollMillis(), "cloudstack-ha poll", this::poll);
        if (!checker.clusterHasHeartbeatPool()) {
            observer.alert("", "CloudStack KVM HA: no primary storage pool of this cluster supports the HA heartbeat "
                    + "(NFS); every KVMHAChecker considers its host dead (apache/cloudstack#13784)");
        }
    }

    @Override
    public void stop() {
        if (poll != null) {
            poll.cancel();
        }
        if (serving != null) {
            serving.close();
        }
    }

    // ---- queries ----

    @Override
    public HostHaState state(String host) {
        return hosts.get(host).state.common();
    }

    @Override
    public String policyState(String host) {
        return hosts.get(host).state.word();
    }

    /** The CloudStack HA state of {@code host}. */
    public CloudStackHaState cloudStackState(String host) {
        return hosts.get(host).state;
    }

    @Override
    public Map<String, HostHaState> states() {
        TreeMap<String, HostHaState> out = new TreeMap<>();
        hosts.forEach((h, r) -> out.put(h, r.state.common()));
        return out;
    }

    @Override
    public Optional<String> placementOf(String vm) {
        return Optional.ofNullable(placement.get(vm));
    }

    @Override
    public List<String> homeless() {
        return List.copyOf(homeless.keySet());
    }

    @Override
    public void disable(String host) {
        fire(hosts.get(host), CloudStackHaEvent.DISABLED_EVENT, "HA disabled by the operator");
    }

    @Override
    public CompletionStage<LiveMigrator.Outcome> migrate(String vm, String target, MigrationOptions options,
                                                         NetworkFabric network) {
        String source = placement.get(vm);
        if (source == null || starting.containsKey(vm) || homeless.containsKey(vm) || migrating.containsKey(vm)) {
            return CompletableFuture.completedFuture(new LiveMigrator.Outcome.Refused(new MigrationPlan.Refused(vm,
                    source, target, "G-05", "the manager does not know " + vm + " to be running on one host now")));
        }
        List<VmSpec> placed = new ArrayList<>();
        for (VmSpec v : vms.values()) {
            placed.add(v.withHost(placement.get(v.name())));
        }
        migrating.put(vm, true);
        return new LiveMigrator(hypervisors).migrate(cluster.withVms(placed), vm, target, options, network)
                .thenApply(outcome -> {
                    migrating.remove(vm);
                    if (outcome instanceof LiveMigrator.Outcome.Ran ran && ran.result().isOk()) {
                        placement.put(vm, target);
                    }
                    return outcome;
                });
    }

    // ---- the agents' reports (pings and VM state sync) ----

    private CompletionStage<PeerMessage> handle(String from, PeerMessage message) {
        if (message instanceof PeerMessage.Heartbeat hb && hosts.containsKey(hb.host())) {
            // The agent's ping is answered; its VM report updates where the VMs are believed to run.
            peers.send(node, hb.host(), new PeerMessage.HeartbeatAck(hb.sequence()));
            hosts.get(hb.host()).lastReportAt = clock.nowMillis();
            if (hb.libvirtOk()) {
                for (String vm : hb.runningVms()) {
                    if (vms.containsKey(vm) && !starting.containsKey(vm) && !migrating.containsKey(vm)
                            && !hb.host().equals(placement.get(vm))) {
                        placement.put(vm, hb.host());
                        homeless.remove(vm);
                    }
                }
            }
        }
        return null;
    }

    // ---- HAManagerBgPollTask ----

    private void poll() {
        long now = clock.nowMillis();
        for (Resource r : hosts.values()) {
            syncPower(r);
            readHeartbeat(r, now);
            if (r.state == CloudStackHaState.DISABLED) {
                continue;
            }
            String ineligible = ineligibility(r);
            if (ineligible != null) {
                if (r.state != CloudStackHaState.INELIGIBLE) {
                    fire(r, CloudStackHaEvent.INELIGIBLE_EVENT, ineligible);
                }
                continue;
            } else if (r.state == CloudStackHaState.INELIGIBLE) {
                fire(r, CloudStackHaEvent.ELIGIBLE, "eligible again");
            }
            switch (r.state) {
                case AVAILABLE, SUSPECT, DEGRADED, FENCED -> healthCheck(r);
                default -> {
                }
            }
            if (r.state == CloudStackHaState.SUSPECT && !r.activityInFlight
                    && (r.lastActivityCheckAt < 0 || now - r.lastActivityCheckAt > settings.activityCheckIntervalMillis())) {
                if (fire(r, CloudStackHaEvent.PERFORM_ACTIVITY_CHECK, "activity check " + (r.activityChecks + 1)
                        + " of " + settings.activityCheckMaxAttempts())) {
                    activityCheck(r);
                }
            }
            if (r.state == CloudStackHaState.DEGRADED && now - r.degradedAt > settings.degradedMaxPeriodMillis()) {
                fire(r, CloudStackHaEvent.PERIODIC_RECHECK_RESOURCE_ACTIVITY, "degraded for "
                        + settings.degradedMaxPeriodMillis() / 1000 + " s: checking its activity again");
            }
            if (r.state == CloudStackHaState.RECOVERING) {
                if (r.recoveryAttempts >= settings.recoverAttemptThreshold()) {
                    if (fire(r, CloudStackHaEvent.RECOVERY_OPERATION_THRESHOLD_EXCEEDED, r.recoveryAttempts
                            + " recovery attempt(s) made: fencing")) {
                        fence(r);
                    }
                } else if (!r.recoveryInFlight) {
                    fire(r, CloudStackHaEvent.RETRY_RECOVERY, "retrying the recovery");
                    recover(r);
                }
            }
            if (r.state == CloudStackHaState.RECOVERED) {
                if (r.recoverStartedAt < 0) {
                    r.recoverStartedAt = now;
                }
                if (now - r.recoverStartedAt > settings.recoverWaitPeriodMillis()) {
                    r.recoverStartedAt = -1;
                    fire(r, CloudStackHaEvent.RECOVERY_WAIT_PERIOD_TIMEOUT, "recovery wait period of "
                            + settings.recoverWaitPeriodMillis() / 1000 + " s over");
                }
            }
            if (r.state == CloudStackHaState.FENCING && !r.fenceInFlight) {
                fire(r, CloudStackHaEvent.RETRY_FENCING, "retrying the fence");
                fence(r);
            }
        }
        placeHomeless();
    }

    /** {@code KVMHAProvider.isEligible}: out-of-band management, not in maintenance, at least one neighbour. */
    private String ineligibility(Resource r) {
        if (fenceDrivers.of(r.name()).isEmpty()) {
            return "no out-of-band management (BMC) configured";
        }
        if (r.maintenance) {
            return "in maintenance after its fence";
        }
        if (neighbours(r).isEmpty()) {
            return "no neighbour host is up";
        }
        return null;
    }

    /** The other hosts whose agents report ({@code listHostsInClusterByStatus(Up)}). */
    private List<String> neighbours(Resource self) {
        List<String> out = new ArrayList<>();
        for (Resource r : hosts.values()) {
            if (r != self && agentUp(r)) {
                out.add(r.name());
            }
        }
        return out;
    }

    private boolean agentUp(Resource r) {
        return !r.maintenance && clock.nowMillis() - r.lastReportAt <= settings.healthCheckTimeoutMillis();
    }

    // ---- the out-of-band power state and the storage heartbeat ----

    private void syncPower(Resource r) {
        Optional<FenceDriver> driver = fenceDrivers.of(r.name());
        if (driver.isEmpty() || r.syncInFlight) {
            return;
        }
        r.syncInFlight = true;
        driver.get().powerStatus().thenAccept(status -> {
            r.syncInFlight = false;
            OobmPower before = r.power;
            if (status instanceof OpResult.Ok<PowerState> ok) {
                r.power = ok.value() == PowerState.OFF ? OobmPower.OFF : OobmPower.ON;
            } else {
                r.power = OobmPower.UNKNOWN;
            }
            if (before != r.power && r.power == OobmPower.UNKNOWN) {
                observer.alert(r.name(), "out-of-band power state of " + r.name() + " is Unknown: " + status.reason());
            }
        });
    }

    private void readHeartbeat(Resource r, long now) {
        if (r.readPending) {
            return;
        }
        r.readPending = true;
        storageReader.read(node, r.name()).thenAccept(result -> {
            r.readPending = false;
            if (result instanceof OpResult.Ok<Long> ok && ok.value() != r.counter) {
                r.counter = ok.value();
                r.counterChangedAt = clock.nowMillis();
            }
        });
    }

    private boolean heartbeatBeating(Resource r) {
        return checker.clusterHasHeartbeatPool() && r.counterChangedAt >= 0
                && clock.nowMillis() - r.counterChangedAt <= settings.heartbeatStaleMillis();
    }

    // ---- HealthCheckTask ----

    private void healthCheck(Resource r) {
        if (r.healthInFlight) {
            return;
        }
        r.healthInFlight = true;
        String host = r.name();
        checker.agentAnswers(host).thenAccept(answered -> {
            if (answered && heartbeatBeating(r)) {
                healthResult(r, true, "Up: heart is beating");
                return;
            }
            String own = !answered ? "its agent did not answer CheckOnHostCommand within "
                    + settings.healthCheckTimeoutMillis() / 1000 + " s"
                    : checker.clusterHasHeartbeatPool() ? "its heartbeat has not advanced for "
                    + settings.heartbeatStaleMillis() / 1000 + " s" : "KVMHAChecker with pools [] considers it dead";
            if (answered) {
                healthResult(r, false, own);
                return;
            }
            checker.askNeighbours(host, neighbours(r)).thenAccept(neighbour -> healthResult(r, false,
                    own + "; " + neighbour));
        });
    }

    private void healthResult(Resource r, boolean healthy, String evidence) {
        r.healthInFlight = false;
        if (!healthy && clusterProblematic()) {
            // KvmHaHelper.isKvmHealthyCheckViaLibvirt: a problematic cluster is not fenced nor recovered.
            healthy = true;
            evidence = evidence + "; but the cluster is problematic, so HA does not act";
        }
        if (healthy) {
            CloudStackHaState before = r.state;
            fire(r, CloudStackHaEvent.HEALTH_CHECK_PASSED, evidence);
            if (before == CloudStackHaState.FENCED && r.state == CloudStackHaState.INELIGIBLE) {
                fire(r, CloudStackHaEvent.DISABLED_EVENT, "HA disabled for the host after its fence (disableHA)");
            }
            r.counterAtSuspect = -1;
            r.activityChecks = 0;
            r.activityFailures = 0;
            r.recoveryAttempts = 0;
            r.recoverStartedAt = -1;
        } else {
            fire(r, CloudStackHaEvent.HEALTH_CHECK_FAILED, evidence);
            // markResourceSuspected: the activity checks look for activity since now.
            r.counterAtSuspect = r.counter;
        }
    }

    /** {@code KvmHaHelper.isClusteProblematic}: more problematic hosts than the accepted ratio (rounded down). */
    private boolean clusterProblematic() {
        int problematic = 0;
        for (Resource r : hosts.values()) {
            if (!agentUp(r) && !r.maintenance) {
                problematic++;
            }
        }
        int accepted = (int) (hosts.size() * settings.acceptedProblematicHostsRatio());
        boolean guard = problematic > accepted;
        if (guard != problematicAlerted) {
            problematicAlerted = guard;
            observer.alert("", guard ? "cluster is problematic: " + problematic + " of " + hosts.size()
                    + " hosts are Alert/Disconnected/Down, more than the accepted " + accepted
                    + " (kvm.ha.accepted.problematic.hosts.ratio); HA will not fence or recover"
                    : "cluster no longer problematic: " + problematic + " of " + hosts.size() + " hosts");
        }
        return guard;
    }

    // ---- ActivityCheckTask ----

    private void activityCheck(Resource r) {
        r.activityInFlight = true;
        r.lastActivityCheckAt = clock.nowMillis();
        List<VmSpec> onHost = new ArrayList<>();
        for (Map.Entry<String, String> e : placement.entrySet()) {
            if (e.getValue().equals(r.name())) {
                onHost.add(vms.get(e.getKey()));
            }
        }
        CompletableFuture<KvmHostActivityChecker.Activity> result = new CompletableFuture<>();
        Scheduler.Cancellable timeout = scheduler.after(settings.activityCheckTimeoutMillis(),
                "cloudstack-ha activity timeout " + r.name(), () -> result.complete(
                        new KvmHostActivityChecker.Activity.Inactive("activity check timed out")));
        checker.activity(r.name(), onHost, r.counterAtSuspect).thenAccept(a -> {
            timeout.cancel();
            result.complete(a);
        });
        result.thenAccept(a -> activityResult(r, a));
    }

    private void activityResult(Resource r, KvmHostActivityChecker.Activity a) {
        r.activityInFlight = false;
        if (r.state != CloudStackHaState.CHECKING) {
            return;
        }
        if (a instanceof KvmHostActivityChecker.Activity.CheckerException e) {
            fire(r, CloudStackHaEvent.INELIGIBLE_EVENT, "HACheckerException: " + e.why());
            r.activityChecks = 0;
            r.activityFailures = 0;
            return;
        }
        boolean active = a instanceof KvmHostActivityChecker.Activity.Active;
        String why = active ? ((KvmHostActivityChecker.Activity.Active) a).why()
                : ((KvmHostActivityChecker.Activity.Inactive) a).why();
        r.activityChecks++;
        if (!active) {
            r.activityFailures++;
        }
        String tally = r.activityFailures + " of " + r.activityChecks + " activity checks found none (" + why + ")";
        if (r.activityChecks < settings.activityCheckMaxAttempts()) {
            fire(r, CloudStackHaEvent.TOO_FEW_ACTIVITY_CHECK_SAMPLES, tally);
            return;
        }
        boolean over = r.activityFailures > r.activityChecks * settings.activityCheckFailureRatio();
        r.activityChecks = 0;
        r.activityFailures = 0;
        if (over) {
            if (fire(r, CloudStackHaEvent.ACTIVITY_CHECK_FAILURE_OVER_THRESHOLD_RATIO, tally + ": over the ratio "
                    + settings.activityCheckFailureRatio())) {
                recover(r);
            }
        } else if (fire(r, CloudStackHaEvent.ACTIVITY_CHECK_FAILURE_UNDER_THRESHOLD_RATIO, tally
                + ": under the ratio " + settings.activityCheckFailureRatio())) {
            r.degradedAt = clock.nowMillis();
        }
    }

    // ---- RecoveryTask (power reset) and FenceTask (power off) ----

    private void recover(Resource r) {
        if (r.recoveryInFlight || r.recoveryAttempts >= settings.recoverAttemptThreshold()) {
            return;
        }
        String host = r.name();
        FenceDriver driver = fenceDrivers.of(host).orElseThrow();
        r.recoveryInFlight = true;
        CompletionStage<OpResult<Void>> reset;
        if (r.power == OobmPower.OFF) {
            reset = CompletableFuture.completedFuture(OpResult.failed("OOBM recover operation failed for the host "
                    + host + " already OFF"));
        } else {
            observer.fenceIssued(host, ++r.fenceAttempt);
            reset = driver.reset();
        }
        within(reset, settings.recoverTimeoutMillis(), "recovery " + host).thenAccept(result -> {
            r.recoveryInFlight = false;
            r.recoveryAttempts++;
            r.activityChecks = 0;
            r.activityFailures = 0;
            if (result.isOk() && r.state == CloudStackHaState.RECOVERING) {
                fire(r, CloudStackHaEvent.RECOVERED_EVENT, "BMC accepted the power reset");
                fenceSubResources(r, FenceChannel.POWER_RESET_ACCEPTED);
            } else if (!result.isOk()) {
                observer.alert(host, "HA recovery of " + host + " failed: " + result.reason());
            }
            observer.alert(host, "HA Recovery has been performed for host " + host);
        });
    }

    private void fence(Resource r) {
        if (r.fenceInFlight) {
            return;
        }
        String host = r.name();
        FenceDriver driver = fenceDrivers.of(host).orElseThrow();
        r.fenceInFlight = true;
        CompletionStage<OpResult<Void>> off;
        FenceChannel channel;
        if (r.power == OobmPower.UNKNOWN) {
            // KVMHAProvider.fence: "if (oobm.getPowerState() == PowerState.Unknown) return true;" (#13377)
            off = CompletableFuture.completedFuture(OpResult.ok());
            channel = FenceChannel.POWER_STATE_UNKNOWN;
        } else {
            observer.fenceIssued(host, ++r.fenceAttempt);
            off = driver.powerOff();
            channel = FenceChannel.POWER_OFF_ACCEPTED;
        }
        within(off, settings.fenceTimeoutMillis(), "fence " + host).thenAccept(result -> {
            r.fenceInFlight = false;
            if (result.isOk() && r.state == CloudStackHaState.FENCING) {
                r.recoveryAttempts = 0;
                fire(r, CloudStackHaEvent.FENCED_EVENT, channel == FenceChannel.POWER_STATE_UNKNOWN
                        ? "fence declared done without a command: the out-of-band power state is Unknown"
                        : "BMC accepted the power off");
                fenceSubResources(r, channel);
                r.maintenance = true;
            } else if (!result.isOk()) {
                observer.alert(host, "HA fence of " + host + " failed: " + result.reason() + "; it stays in Fencing, "
                        + "which has no exit but Fenced");
            }
            observer.alert(host, "HA Fencing has been performed for host " + host);
        });
    }

    /** Completes with the stage's result, or Unknown after {@code timeoutMillis} ({@code BaseHATask}'s timeout). */
    private <T> CompletionStage<OpResult<T>> within(CompletionStage<OpResult<T>> stage, long timeoutMillis, String what) {
        CompletableFuture<OpResult<T>> out = new CompletableFuture<>();
        Scheduler.Cancellable timer = scheduler.after(timeoutMillis, "cloudstack-ha timeout " + what,
                () -> out.complete(OpResult.unknown(what + " timed out after " + timeoutMillis / 1000 + " s")));
        stage.thenAccept(r -> {
            timer.cancel();
            out.complete(r);
        });
        return out;
    }

    /**
     * {@code HAAbstractHostProvider.fenceSubResources}: the host is disconnected and VM HA restarts its HA VMs
     * elsewhere; VMs without HA stay stopped.
     */
    private void fenceSubResources(Resource r, FenceChannel channel) {
        String host = r.name();
        observer.fenced(host, channel);
        for (String vm : new ArrayList<>(placement.keySet())) {
            if (!host.equals(placement.get(vm))) {
                continue;
            }
            placement.remove(vm);
            if (vms.get(vm).ha().enabled()) {
                homeless.put(vm, host);
            } else {
                observer.alert(host, "VM " + vm + " was on " + host + " and is not HA; it stays stopped");
            }
        }
        placeHomeless();
    }

    // ---- VM HA: restarts ----

    private void placeHomeless() {
        if (homeless.isEmpty()) {
            return;
        }
        List<VmSpec> waiting = new ArrayList<>();
        for (String vm : homeless.keySet()) {
            waiting.add(vms.get(vm));
        }
        List<String> candidates = new ArrayList<>();
        for (Resource r : hosts.values()) {
            if (agentUp(r) && (r.state == CloudStackHaState.AVAILABLE || r.state == CloudStackHaState.DEGRADED
                    || r.state == CloudStackHaState.INELIGIBLE && !r.maintenance)) {
                candidates.add(r.name());
            }
        }
        TreeMap<String, HostLoad> loads = new TreeMap<>();
        for (Map.Entry<String, String> e : placement.entrySet()) {
            VmSpec vm = vms.get(e.getKey());
            loads.merge(e.getValue(), HostLoad.EMPTY.plus(vm), (a, b) -> a.plus(vm));
        }
        for (Map.Entry<String, String> e : starting.entrySet()) {
            VmSpec vm = vms.get(e.getKey());
            loads.merge(e.getValue(), HostLoad.EMPTY.plus(vm), (a, b) -> a.plus(vm));
        }
        RecoveryPlacer.Plan plan = placer.place(waiting, loads, candidates);
        for (RecoveryPlacer.Unplaced u : plan.unplaced()) {
            observer.unplaceable(u.vm(), u.reason());
        }
        for (RecoveryPlacer.Assignment a : plan.assignments()) {
            restart(a.vm(), a.host());
        }
    }

    private void restart(String vm, String target) {
        String from = homeless.remove(vm);
        starting.put(vm, target);
        observer.restarting(vm, from, target, "VM HA after the host's " + hosts.get(from).state.word());
        var hv = hypervisors.of(target);
        definer.define(hv, vms.get(vm).withHost(target)).thenCompose(defined -> {
            if (!defined.isOk()) {
                return CompletableFuture.completedFuture(defined.map(x -> (Void) null));
            }
            vms.put(vm, defined.value().withHost(null));
            return hv.start(vm);
        }).thenAccept(started -> {
            starting.remove(vm);
            if (started.isOk()) {
                placement.put(vm, target);
                observer.restarted(vm, target);
            } else {
                homeless.put(vm, from);
                observer.alert(target, "start of " + vm + " on " + target + " did not succeed ("
                        + started.reason() + "); VM HA tries again");
            }
        });
    }

    // ---- the state machine ----

    /** Fires {@code event}; false (and nothing changes) when CloudStack's FSM has no such transition. */
    private boolean fire(Resource r, CloudStackHaEvent event, String detail) {
        Optional<CloudStackHaState> next = event.next(r.state);
        if (next.isEmpty()) {
            return false;
        }
        CloudStackHaState from = r.state;
        CloudStackHaState to = next.get();
        if (from == to) {
            return true;
        }
        r.state = to;
        observer.transition(r.name(), from.common(), to.common(), event.word() + " (" + from.word() + " -> "
                + to.word() + "): " + detail);
        return true;
    }
}
