package io.cellharness.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.ha.FenceChannel;
import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.ha.HostHaState;
import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.DomainState;
import io.cellharness.core.spec.SpecCodec;
import io.cellharness.core.spec.SpecFormatException;
import io.cellharness.core.storage.IoCounters;
import io.cellharness.core.storage.IoPath;
import io.cellharness.core.storage.MonitorHealth;
import io.cellharness.core.storage.PathChange;
import io.cellharness.core.storage.PathChangeReason;
import io.cellharness.core.storage.MonitorSettings;
import io.cellharness.sim.Violation;
import io.cellharness.sim.fault.ScheduledFault;
import io.cellharness.sim.ha.HaEvents;
import io.cellharness.sim.ha.RecoveryClock;
import io.cellharness.sim.scenario.CheckResult;
import io.cellharness.sim.scenario.FaultEntry;
import io.cellharness.sim.scenario.FaultFactory;
import io.cellharness.sim.scenario.HciClusters;
import io.cellharness.sim.scenario.SimOutcome;
import io.cellharness.sim.scenario.SimRequest;
import io.cellharness.sim.scenario.SimRun;
import io.cellharness.sim.scenario.VirtualDuration;
import io.cellharness.sim.world.SimDomain;
import io.cellharness.sim.world.SimSettings;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scenarios on the simulator: a cluster, faults at virtual times, the HA engine and the Glue paths running, and what
 * the ground truth and the engine's events show. The same engine and simulator {@code cell sim} runs.
 */
public class SimSteps {

    private ClusterSpec cluster;
    private final List<FaultEntry> faultEntries = new ArrayList<>();
    private final List<ScheduledFault> faults = new ArrayList<>();
    private final TreeMap<String, Double> dirtyRates = new TreeMap<>();
    private HaSettings ha = HaSettings.DEFAULTS;
    private io.cellharness.core.ha.HaPolicy policy = io.cellharness.core.ha.HaPolicy.CELL;
    private SimRun run;
    private SimOutcome outcome;
    private final java.util.ArrayDeque<String> traceTail = new java.util.ArrayDeque<>();

    private void keep(String line) {
        traceTail.addLast(line);
        if (traceTail.size() > TRACE_ATTACHED_LINES) {
            traceTail.removeFirst();
        }
    }

    /** How much of the simulator's trace a failed scenario carries into its report. */
    static final int TRACE_ATTACHED_LINES = 2_000;

    /** A failed simulator scenario carries its trace (the last lines) and its hash into the Allure report. */
    @io.cucumber.java.After
    public void attachTraceOnFailure(io.cucumber.java.Scenario scenario) {
        if (run == null || !scenario.isFailed()) {
            return;
        }
        String text = "seed " + run.request().seed() + ", virtual time " + run.sim().nowMillis() + " ms, trace sha256 "
                + run.sim().trace().sha256() + "\n" + String.join("\n", traceTail) + "\n";
        scenario.attach(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain", "simulator trace");
    }

    @ParameterType("\\d+(?:ms|s|m|h)")
    public VirtualDuration duration(String text) {
        return VirtualDuration.parse(text);
    }

    // ---- the cluster ----

    @Given("a simulated cluster of {int} HCI hosts with {int} HA VMs each")
    public void hciCluster(int hosts, int vmsPerHost) {
        cluster = HciClusters.of(hosts, vmsPerHost);
    }

    @Given("a simulated cluster:")
    public void clusterFromYaml(String yaml) throws SpecFormatException {
        cluster = SpecCodec.readCluster(yaml, "scenario cluster");
    }

    @Given("{string} has no BMC")
    public void noBmc(String host) {
        List<HostSpec> hosts = new ArrayList<>();
        for (HostSpec h : cluster.hosts()) {
            hosts.add(h.name().equals(host) ? new HostSpec(h.name(), h.cores(), h.memory(), h.disk(), h.cpu(), null,
                    h.storageController(), h.nics(), h.bonds()) : h);
        }
        cluster = cluster.withHosts(hosts);
    }

    @Given("the guest {string} dirties memory at {int} MiB\\/s")
    public void dirtyRate(String vm, int mibPerSecond) {
        dirtyRates.put(vm, (double) mibPerSecond);
    }

    @Given("the manager runs the {word} HA policy")
    public void policy(String word) {
        policy = io.cellharness.core.ha.HaPolicy.parse(word);
    }

    @Given("the HA lease timeout is {duration}")
    public void leaseTimeout(VirtualDuration lease) {
        ha = ha.withLeaseTimeout(lease.millis());
    }

    // ---- faults ----

    @Given("{string} crashes at {duration}")
    public void crashes(String host, VirtualDuration at) {
        fault(new FaultEntry(at, "host-crash", host, null, null, null, null, null, null, null, null));
    }

    @Given("the fault {word} hits {string} at {duration}")
    public void faultAt(String kind, String host, VirtualDuration at) {
        fault(new FaultEntry(at, kind, host, null, null, null, null, null, null, null, null));
    }

    @Given("the fault {word} hits {string} at {duration} for {duration}")
    public void faultFor(String kind, String host, VirtualDuration at, VirtualDuration length) {
        fault(new FaultEntry(at, kind, host, null, null, null, null, length, null, null, null));
    }

    @Given("the fault {word} hits {string} at {duration} for {duration} every {duration}")
    public void faultEvery(String kind, String host, VirtualDuration at, VirtualDuration length, VirtualDuration period) {
        fault(new FaultEntry(at, kind, host, null, null, null, null, length, period, null, null));
    }

    @Given("the NIC {string} of {string} goes down at {duration} for {duration}")
    public void nicDown(String nic, String host, VirtualDuration at, VirtualDuration length) {
        fault(new FaultEntry(at, "bond-slave-down", host, null, nic, null, null, length, null, null, null));
    }

    @Given("the hosts {string} are cut off the management network at {duration} for {duration}")
    public void partition(String hosts, VirtualDuration at, VirtualDuration length) {
        fault(new FaultEntry(at, "mgmt-partition", null, List.of(hosts.split(",\\s*")), null, null, "both", length, null,
                null, null));
    }

    @Given("the hosts {string} are cut off the storage network at {duration} for {duration}")
    public void storagePartition(String hosts, VirtualDuration at, VirtualDuration length) {
        fault(new FaultEntry(at, "storage-partition", null, List.of(hosts.split(",\\s*")), null, null, "both", length,
                null, null, null));
    }

    @Given("every storage controller stops at {duration} for {duration}")
    public void allControllersDown(VirtualDuration at, VirtualDuration length) {
        for (HostSpec h : cluster.hosts()) {
            if (h.storageController() != null && h.storageController().runsMonitor()) {
                faultFor("storage-controller-down", h.name(), at, length);
            }
        }
    }

    private void fault(FaultEntry entry) {
        if (run != null) {
            throw new IllegalStateException("faults are scheduled before the simulation starts");
        }
        faultEntries.add(entry);
    }

    // ---- running ----

    private SimRun run() {
        if (run == null) {
            faults.addAll(FaultFactory.build(faultEntries, cluster));
            run = SimRun.prepare(new SimRequest("scenario", cluster, faults, List.of(), dirtyRates, Long.MAX_VALUE / 4,
                    Limits.SIM_QUIET_PERIOD_MS, 1, ha, SimSettings.DEFAULTS, List.of(), List.of("scenario"))
                    .withPolicy(policy), List.of(this::keep));
        }
        return run;
    }

    @When("the simulation runs until {duration}")
    public void runUntil(VirtualDuration until) {
        run().runTo(until.millis());
    }

    @When("{string} is live-migrated to {string} at {duration}")
    public void migrateAt(String vm, String target, VirtualDuration at) {
        run().sim().at(at.millis(), "migrate " + vm, () -> run.migrate(vm, target, false));
    }

    @When("the host {string} is asked to suspend on the simulator")
    public void suspendOnSim(String host) {
        world.hostSuspend = run().cluster().host(host).requestSuspend(io.cellharness.core.host.HostSuspendPolicy.Request.SUSPEND);
    }

    private final ScenarioWorld world;

    public SimSteps(ScenarioWorld world) {
        this.world = world;
    }

    // ---- what happened ----

    private HaEvents events() {
        return run().haEvents();
    }

    @Then("no invariant is violated")
    public void noViolation() {
        List<Violation> violations = run().sim().invariants().violations();
        assertThat(violations).as("violations").isEmpty();
    }

    @Then("the safety invariant {string} is violated")
    public void violated(String name) {
        assertThat(run().sim().invariants().violations()).extracting(Violation::invariant).contains(name);
    }

    @Then("{string} was fenced with its power read back as off")
    public void fencedByPower(String host) {
        assertThat(events().fencedThrough(host)).contains(FenceChannel.POWER_CONFIRMED_OFF);
    }

    @Then("{string} was fenced by its lease expiring")
    public void fencedByLease(String host) {
        assertThat(events().fencedThrough(host)).contains(FenceChannel.LEASE_EXPIRED);
    }

    @Then("no power-off was ever sent to {string}")
    public void neverFenced(String host) {
        assertThat(events().fenceIssuedTo(host)).as("a power-off was sent to " + host).isFalse();
    }

    @Then("no host was fenced")
    public void noHostFenced() {
        assertThat(events().fences()).isEmpty();
    }

    @Then("the manager saw {string} go through {string}")
    public void statesSeen(String host, String path) {
        List<String> seen = new ArrayList<>();
        for (HaEvents.Transition t : events().transitions()) {
            if (t.host().equals(host)) {
                if (seen.isEmpty()) {
                    seen.add(t.from().name());
                }
                seen.add(t.to().name());
            }
        }
        assertThat(String.join(" -> ", seen)).contains(path);
    }

    @Then("the manager holds {string} as {word}")
    public void stateNow(String host, String state) {
        assertThat(run().ha().manager().state(host)).isEqualTo(HostHaState.valueOf(state));
    }

    @Then("the manager holds {string} in CloudStack's state {word}")
    public void cloudStackState(String host, String state) {
        assertThat(run().ha().manager().policyState(host)).isEqualTo(state);
    }

    @Then("a neighbour of {string} reported it to the manager, saying {string}")
    public void reportedByNeighbour(String host, String evidence) {
        assertThat(events().reports()).filteredOn(r -> r.target().equals(host))
                .anySatisfy(r -> assertThat(r.evidence()).contains(evidence));
    }

    @Then("an alert says {string}")
    public void alertSays(String text) {
        assertThat(events().alerts()).extracting(HaEvents.Alert::message).anySatisfy(m -> assertThat(m).contains(text));
    }

    @Then("every HA VM of {string} runs again within {duration} of its failure")
    public void recoveredWithin(String host, VirtualDuration bound) {
        List<RecoveryClock.Recovery> recoveries = run().recoveryClock().recoveries().stream()
                .filter(r -> r.host().equals(host)).toList();
        assertThat(recoveries).as("recoveries of " + host).isNotEmpty();
        assertThat(recoveries.get(0).recoveredAfterMillis()).isLessThanOrEqualTo(bound.millis());
        for (VmSpec vm : cluster.vms()) {
            if (host.equals(vm.host()) && vm.ha().enabled()) {
                assertThat(run.cluster().ledger().hostsOf(vm.name())).as(vm.name()).hasSize(1).doesNotContain(host);
            }
        }
    }

    @Then("the HA VMs of {string} were restarted in this order:")
    public void restartOrder(String host, List<String> expected) {
        List<String> order = events().restarts().stream().filter(r -> !r.done() && host.equals(r.fromHost()))
                .map(HaEvents.Restart::vm).toList();
        assertThat(order).containsExactlyElementsOf(expected);
    }

    @Then("{string} runs on {string}")
    public void runsOn(String vm, String host) {
        assertThat(run().cluster().ledger().hostsOf(vm)).containsExactly(host);
    }

    @Then("{string} runs exactly once")
    public void runsOnce(String vm) {
        assertThat(run().cluster().ledger().hostsOf(vm)).hasSize(1);
    }

    @Then("{string} does not run anywhere")
    public void runsNowhere(String vm) {
        assertThat(run().cluster().ledger().hostsOf(vm)).isEmpty();
    }

    @Then("{string} is reported as fitting no host")
    public void unplaceable(String vm) {
        assertThat(events().alerts()).extracting(HaEvents.Alert::message)
                .anySatisfy(m -> assertThat(m).startsWith("VM " + vm + " fits no host"));
        assertThat(run().ha().manager().homeless()).contains(vm);
    }

    @Then("the domain {string} on {string} is {word} with a reason containing {string}")
    public void domainState(String vm, String host, String state, String reason) {
        SimDomain d = run().cluster().host(host).domain(vm);
        assertThat(d).as("domain " + vm + " on " + host).isNotNull();
        assertThat(d.state()).isEqualTo(DomainState.valueOf(state));
        assertThat(d.reason()).contains(reason);
    }

    @Then("the host {string} is still up")
    public void hostUp(String host) {
        assertThat(run().cluster().host(host).up()).isTrue();
    }

    // ---- Glue paths ----

    private IoCounters io(String vm) {
        assertThat(run().glue()).as("the cluster has Glue disks").isNotNull();
        return run.glue().counters(vm);
    }

    @Then("the running VM {string} writes through the monitor on {string}")
    public void pathVia(String vm, String host) {
        assertThat(io(vm).path().toString()).isEqualTo("via " + host);
    }

    /** S-10: the VM runs on one host other than {@code old}, and its Glue I/O goes through that host's own monitor. */
    @Then("{string} runs again elsewhere than {string}, writing through the monitor of the host it runs on")
    public void pathFollowsTheVm(String vm, String old) {
        List<String> hosts = run().cluster().ledger().hostsOf(vm);
        assertThat(hosts).as("hosts %s runs on", vm).hasSize(1).doesNotContain(old);
        assertThat(io(vm).host()).as("the host its I/O is attached to").isEqualTo(hosts.get(0));
        assertThat(io(vm).path().toString()).isEqualTo("via " + hosts.get(0));
    }

    @Then("the running VM {string} has its writes held: no monitor answers")
    public void stalled(String vm) {
        assertThat(io(vm).path().isNone()).isTrue();
    }

    @Then("{string} failed over {int} time(s) and failed back {int} time(s)")
    public void failovers(String vm, int failovers, int failbacks) {
        IoCounters c = io(vm);
        assertThat(c.failovers()).as("failovers").isEqualTo(failovers);
        assertThat(c.failbacks()).as("failbacks").isEqualTo(failbacks);
    }

    /** S-06: the first failback of {@code host}'s path to {@code monitor} at or after {@code from} came within the bound. */
    @Then("the Glue path of {string} failed back to {string} within {duration} of {duration}")
    public void failbackWithin(String host, String monitor, VirtualDuration bound, VirtualDuration from) {
        long at = firstFailback(host, monitor, from.millis());
        assertThat(at - from.millis()).as("failback of %s to %s at %d ms", host, monitor, at)
                .isLessThanOrEqualTo(bound.millis());
    }

    /** S-09: the first failback of {@code host}'s path to {@code monitor} at or after {@code from} waited this long. */
    @Then("the Glue path of {string} failed back to {string} no sooner than {duration} after {duration}")
    public void failbackHeld(String host, String monitor, VirtualDuration hold, VirtualDuration from) {
        long at = firstFailback(host, monitor, from.millis());
        assertThat(at - from.millis()).as("failback of %s to %s at %d ms", host, monitor, at)
                .isGreaterThanOrEqualTo(hold.millis());
    }

    private long firstFailback(String host, String monitor, long from) {
        assertThat(run().glue()).as("the cluster has Glue disks").isNotNull();
        return run.glue().changes().stream()
                .filter(c -> c.host().equals(host) && c.reason() == PathChangeReason.FAILBACK
                        && c.to().equals(IoPath.via(monitor)) && c.timeMillis() >= from)
                .mapToLong(PathChange::timeMillis).findFirst()
                .orElseThrow(() -> new AssertionError("the Glue path of " + host + " never failed back to " + monitor
                        + " after " + from + " ms; its changes: " + run.glue().changes().stream()
                        .filter(c -> c.host().equals(host)).map(PathChange::oneLine).toList()));
    }

    @Then("the monitor on {string}, as {string} sees it, has {int} repeat(s) and a hold of {duration}")
    public void damping(String monitor, String host, int repeats, VirtualDuration hold) {
        assertThat(run().glue()).as("the cluster has Glue disks").isNotNull();
        MonitorHealth health = run.glue().selector().health(host, monitor);
        assertThat(health.repeats()).as("repeats").isEqualTo(repeats);
        assertThat(health.holdMillis()).as("hold").isEqualTo(hold.millis());
    }

    @Then("{string} had its I\\/O stalled for at most {duration}")
    public void stallBound(String vm, VirtualDuration bound) {
        assertThat(io(vm).stalledMillis()).isLessThanOrEqualTo(bound.millis());
    }

    @Then("no write of {string} was lost and all were acknowledged")
    public void noWriteLost(String vm) {
        IoCounters c = io(vm);
        assertThat(c.writesLost()).isZero();
        assertThat(c.writesIssued()).isGreaterThan(0);
        assertThat(c.writesAcknowledged() + c.writesPending()).isEqualTo(c.writesIssued());
        // A write is acknowledged when its monitor next answers a probe, so up to a probe period's writes are in flight.
        long inFlight = MonitorSettings.DEFAULTS.probePeriodMillis() / Limits.SIM_GUEST_WRITE_INTERVAL_MS + 1;
        assertThat(c.writesPending()).as("writes in flight").isLessThanOrEqualTo(inFlight);
    }

    // ---- the whole run ----

    @When("the faults heal and the cluster runs quietly")
    public void finish() {
        outcome = run().finishNow();
    }

    @Then("every invariant and liveness check held")
    public void allHeld() {
        assertThat(outcome.failures()).extracting(CheckResult::name).isEmpty();
    }
}
