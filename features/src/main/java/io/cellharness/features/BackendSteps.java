package io.cellharness.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.cpu.CpuCatalogue;
import io.cellharness.core.limits.Limits;
import io.cellharness.core.mac.MacAddress;
import io.cellharness.core.migration.LiveMigrator;
import io.cellharness.core.migration.MigrationOptions;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.DomainInfo;
import io.cellharness.core.port.DomainState;
import io.cellharness.core.port.HostCapabilities;
import io.cellharness.core.port.Hypervisor;
import io.cellharness.core.port.MigrationResult;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.spec.SpecCodec;
import io.cellharness.core.spec.SpecFormatException;
import io.cellharness.features.backend.DefinedVm;
import io.cellharness.features.backend.MigrationWatch;
import io.cellharness.features.backend.ScenarioBackend;
import io.cellharness.features.backend.VmPort;
import io.cucumber.java.DataTableType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.opentest4j.TestAbortedException;

/**
 * What the hypervisors of the backend's hosts do with the VMs the manager gives them: defines through the engine's
 * {@link io.cellharness.core.provision.VmDefiner}, the lifecycle and migration through the core's ports, and what
 * the backend reads back. The same steps on the simulator and on libvirt; how a backend looks is in its
 * {@link ScenarioBackend}.
 */
public class BackendSteps {

    private final ScenarioWorld world;
    private final Map<String, VmSpec> definedAs = new TreeMap<>();
    private final List<String> unanswered = new ArrayList<>();
    private OpResult<VmSpec> lastDefine;
    private CpuSpec baseline;
    private OpResult<MigrationResult> migration;
    private List<DomainState> statesDuringCopy = List.of();
    private SortedSet<Integer> migrationPorts;
    private boolean migrationObservable;

    public BackendSteps(ScenarioWorld world) {
        this.world = world;
    }

    /** A row of an expected NIC order: {@code | vm | nic |}. */
    public record NicRow(String vm, int nic) {
    }

    @DataTableType
    public NicRow nicRow(Map<String, String> row) {
        return new NicRow(row.get("vm"), Integer.parseInt(row.get("nic")));
    }

    /** A row of expected disks: {@code | source | format |}. */
    public record DiskSourceRow(String source, String format) {
    }

    @DataTableType
    public DiskSourceRow diskSourceRow(Map<String, String> row) {
        return new DiskSourceRow(row.get("source"), row.get("format"));
    }

    private ScenarioBackend backend() {
        return world.backend();
    }

    private Hypervisor hv(String host) {
        return backend().hypervisor(host);
    }

    private <T> T ok(String what, CompletionStage<OpResult<T>> operation) {
        OpResult<T> r = backend().await(operation);
        assertThat(r).as("%s: %s", what, r.reason()).isInstanceOf(OpResult.Ok.class);
        return r.value();
    }

    private DefinedVm definition(String vm, String host) {
        if (lastDefine != null && !lastDefine.isOk() && !definedAs.containsKey(vm)) {
            throw new AssertionError("the manager could not define " + vm + ": " + lastDefine.reason());
        }
        return backend().definition(host, vm);
    }

    // ---- describing and defining ----

    @Given("a VM {string} with {size} of memory and as many vCPUs as {string} runs, at most 710")
    public void widestVm(String name, Size memory, String host) {
        int vcpus = backend().maxVcpus(host);
        if (vcpus < Limits.VM_MAX_VCPUS) {
            world.note(host + " runs at most " + vcpus + " vCPUs per VM (its largest machine type), fewer than "
                    + "L-02's " + Limits.VM_MAX_VCPUS + "; the VM gets " + vcpus);
        }
        world.addVm(SpecSteps.plainVm(name, memory, vcpus));
    }

    @Given("the VM {string} has a NIC on VLAN {int}")
    public void vlanNic(String vm, int vlan) {
        world.changeVm(vm, v -> {
            List<VmNicSpec> nics = new ArrayList<>(v.nics());
            nics.add(new VmNicSpec(null, null, vlan, null));
            return v.withNics(nics);
        });
    }

    @When("the manager defines {string} on {string}")
    public void define(String vm, String host) {
        lastDefine = backend().await(world.definer().define(hv(host), world.vm(vm).withHost(host)));
        if (lastDefine.isOk()) {
            definedAs.put(vm, lastDefine.value());
            world.changeVm(vm, v -> lastDefine.value());
        }
    }

    @When("the VM {string} of the specification is defined on {string}")
    public void defineFromSpecification(String vm, String host) throws SpecFormatException {
        ClusterSpec spec = SpecCodec.readCluster(world.yaml(), "scenario.yaml");
        world.addVm(spec.vm(vm).orElseThrow(() -> new AssertionError("the specification has no VM " + vm)));
        define(vm, host);
        assertThat(lastDefine).as("define %s: %s", vm, lastDefine.reason()).isInstanceOf(OpResult.Ok.class);
    }

    @When("the hypervisor of {string} computes the baseline of the CPUs {word} and {word}")
    public void baselineOf(String host, String first, String second) {
        CpuCatalogue catalogue = CpuCatalogue.standard();
        baseline = ok("baseline", hv(host).baselineCpu(List.of(catalogue.hostCpu(first), catalogue.hostCpu(second))));
    }

    @Given("custom-mode VMs run the baseline the hypervisor of {string} computes for the hosts' own CPUs")
    public void baselineOfHosts(String host) {
        List<CpuSpec> cpus = new ArrayList<>();
        for (String h : backend().hosts()) {
            cpus.add(ok("capabilities of " + h, hv(h).capabilities()).cpu());
        }
        baseline = ok("baseline", hv(host).baselineCpu(cpus));
        backend().useBaselineCpu(baseline);
    }

    @When("the manager defines {string} on {string} with that baseline")
    public void defineWithBaseline(String vm, String host) {
        backend().useBaselineCpu(baseline);
        define(vm, host);
    }

    // ---- lifecycle ----

    @When("{string} starts on {string}")
    public void start(String vm, String host) {
        ok("start " + vm, hv(host).start(vm));
        world.changeVm(vm, v -> v.withHost(host));
    }

    @When("{string} is destroyed on {string}")
    public void destroy(String vm, String host) {
        ok("destroy " + vm, hv(host).destroy(vm));
    }

    @When("{string} is suspended, resumed and destroyed on {string}")
    public void lifecycle(String vm, String host) {
        Hypervisor hv = hv(host);
        List<Supplier<CompletionStage<OpResult<Void>>>> calls =
                List.of(() -> hv.suspend(vm), () -> hv.resume(vm), () -> hv.destroy(vm));
        for (var call : calls) {
            OpResult<Void> r = backend().await(call.get());
            if (!r.isOk()) {
                unanswered.add(r.reason());
            }
        }
    }

    // ---- what the hypervisor holds ----

    @Then("the hypervisor of {string} holds {string} exactly as the manager defined it")
    public void holdsAsDefined(String host, String vm) {
        assertThat(lastDefine).as("define %s: %s", vm, lastDefine.reason()).isInstanceOf(OpResult.Ok.class);
        // Where a VM runs is not part of its definition (libvirt's XML has no host; the simulator keeps it).
        assertThat(definition(vm, host).vm().withHost(null)).isEqualTo(definedAs.get(vm).withHost(null));
    }

    @Then("the definition of {string} on {string} has {size} of memory, {int} NICs and {int} virtio disks")
    public void hasSizes(String vm, String host, Size memory, int nics, int disks) {
        VmSpec back = definition(vm, host).vm();
        assertThat(back.memory()).isEqualTo(memory);
        assertThat(back.nics()).hasSize(nics);
        assertThat(back.disks()).hasSize(disks).allMatch(d -> d.bus() != DiskBus.IDE);
    }

    @Then("the definition of {string} on {string} has as many vCPUs as {string} runs, at most 710")
    public void hasWidest(String vm, String host, String runner) {
        assertThat(definition(vm, host).vm().vcpus()).isEqualTo(backend().maxVcpus(runner))
                .isLessThanOrEqualTo(Limits.VM_MAX_VCPUS);
    }

    @Then("the definition of {string} on {string} has {int} IDE and {int} virtio disks")
    public void hasBuses(String vm, String host, int ide, int virtio) {
        List<DiskSpec> disks = definition(vm, host).vm().disks();
        assertThat(disks.stream().filter(d -> d.bus() == DiskBus.IDE).count()).isEqualTo(ide);
        assertThat(disks.stream().filter(d -> d.bus() != DiskBus.IDE).count()).isEqualTo(virtio);
    }

    @Then("the manager refuses it before the hypervisor: {string}")
    public void refusedByManager(String text) {
        assertThat(lastDefine).as("the define").isInstanceOf(OpResult.Failed.class);
        // VmDefiner's words: the hypervisor's own refusals read differently ("define <vm> on <host>: ...").
        assertThat(lastDefine.reason()).contains(" not defined: ").contains(text).doesNotContain("\n");
    }

    @Then("the hypervisor of {string} holds no VM {string}")
    public void holdsNothing(String host, String vm) {
        assertThat(ok("list " + host, hv(host).list())).extracting(DomainInfo::name).doesNotContain(vm);
    }

    @Then("the definition of {string} on {string} has CPU mode {cpuMode}")
    public void hasMode(String vm, String host, CpuMode mode) {
        DefinedVm d = definition(vm, host);
        assertThat(d.vm().cpuMode()).isEqualTo(mode);
        if (mode == CpuMode.CUSTOM) {
            assertThat(d.customCpu()).as("the custom CPU").isEqualTo(baseline);
        }
    }

    @Then("the baseline is a {word} model without {string}")
    public void baselineIs(String model, String feature) {
        assertThat(baseline.model()).as("baseline %s", baseline).startsWith(model);
        assertThat(baseline.features()).doesNotContain(feature);
    }

    @Then("the definition of {string} on {string} runs that baseline as its custom CPU")
    public void runsBaseline(String vm, String host) {
        DefinedVm d = definition(vm, host);
        assertThat(d.vm().cpuMode()).isEqualTo(CpuMode.CUSTOM);
        assertThat(d.customCpu().model()).isEqualTo(baseline.model());
        assertThat(d.customCpu().features()).containsAll(baseline.features());
    }

    @Then("the definition of {string} on {string} uses the kvm-clock clock source")
    public void kvmClock(String vm, String host) {
        assertThat(definition(vm, host).clockSource()).isEqualTo("kvm-clock");
    }

    @Then("the definition of {string} on {string} has the guest agent channel")
    public void agentChannel(String vm, String host) {
        assertThat(definition(vm, host).guestAgentChannel()).isTrue();
    }

    @Then("every NIC of {string} on {string} has the MAC the manager assigned, a locally administered one")
    public void assignedMacs(String vm, String host) {
        List<VmNicSpec> held = definition(vm, host).vm().nics();
        List<VmNicSpec> assigned = definedAs.get(vm).nics();
        assertThat(held).extracting(VmNicSpec::mac).containsExactlyElementsOf(
                assigned.stream().map(VmNicSpec::mac).toList());
        for (VmNicSpec nic : held) {
            MacAddress mac = MacAddress.parse(nic.mac());
            assertThat(mac.isLocallyAdministered()).as(nic.mac()).isTrue();
            assertThat(mac.value() >>> 24).as("%s is from the manager's range", nic.mac())
                    .isEqualTo(Limits.MAC_ASSIGNED_PREFIX);
        }
    }

    @Then("the definition of {string} on {string} has the disk sources:")
    public void diskSources(String vm, String host, List<DiskSourceRow> expected) {
        assertThat(definition(vm, host).disks()).extracting(d -> new DiskSourceRow(d.source(), d.format()))
                .containsExactlyElementsOf(expected);
    }

    @Then("every disk of {string} on {string} is defined raw")
    public void everyDiskRaw(String vm, String host) {
        assertThat(definition(vm, host).disks()).isNotEmpty().extracting(DefinedVm.DefinedDisk::format)
                .containsOnly("raw");
    }

    @Then("the definition of {string} on {string} passes through {string} and {string}")
    public void passesThrough(String vm, String host, String first, String second) {
        assertThat(definition(vm, host).passthrough()).containsExactly(first, second);
    }

    @Then("the definition of {string} on {string} has only the disk {string}")
    public void onlyDisk(String vm, String host, String source) {
        assertThat(definition(vm, host).disks()).extracting(DefinedVm.DefinedDisk::source).containsExactly(source);
    }

    @Then("the definition of {string} on {string} puts NIC {int} on {string}")
    public void nicBridge(String vm, String host, int nic, String bridge) {
        assertThat(definition(vm, host).vm().nics().get(nic).bridge()).isEqualTo(bridge);
    }

    // ---- ports (N-03, N-04) ----

    @Then("the port of {string} NIC {int} on {string} is on the bridge {string}")
    public void portBridge(String vm, int nic, String host, String bridge) {
        assertThat(backend().ports(host)).filteredOn(p -> p.vm().equals(vm) && p.nic() == nic)
                .singleElement().extracting(VmPort::bridge).isEqualTo(bridge);
    }

    @Then("the ports on {string} are vnet<N> in creation order:")
    public void portsInOrder(String host, List<NicRow> expected) {
        List<VmPort> ports = backend().ports(host);
        assertThat(ports).extracting(VmPort::name).allMatch(n -> n.matches("vnet\\d+"));
        assertThat(ports).extracting(p -> new NicRow(p.vm(), p.nic())).containsExactlyElementsOf(expected);
        assertThat(ports).extracting(VmPort::number).doesNotHaveDuplicates().isSorted();
    }

    // ---- A-01 ----

    @Then("the hypervisor of {string} answered every call")
    public void answered(String host) {
        assertThat(unanswered).as("calls to %s without an answer", host).isEmpty();
    }

    @Then("no code behind the hypervisor of {string} starts a process or names virsh")
    public void noProcesses(String host) {
        ProcessUseScan.Result scan = ProcessUseScan.from(hv(host).getClass());
        world.note(scan.classesScanned() + " classes reachable from " + hv(host).getClass().getName()
                + " read; none may start a process");
        assertThat(scan.classesScanned()).as("classes scanned").isGreaterThan(1);
        assertThat(scan.offenders()).isEmpty();
    }

    // ---- live migration (G-01, G-02) ----

    /** The backend's hosts as the manager knows them: their own cores, memory and CPU, from their capabilities. */
    private ClusterSpec backendCluster() {
        List<HostSpec> hosts = new ArrayList<>();
        for (String h : backend().hosts()) {
            HostCapabilities caps = ok("capabilities of " + h, hv(h).capabilities());
            hosts.add(new HostSpec(h, caps.cores(), Size.ofBytes(caps.memoryBytes()), null, caps.cpu(), null, null,
                    null, null));
        }
        return new ClusterSpec("backend", null, hosts, world.vms());
    }

    @When("the manager migrates {string} live to {string}")
    public void migrate(String vm, String target) {
        String source = world.vm(vm).host();
        CompletionStage<OpResult<MigrationResult>> running = new LiveMigrator(backend()::hypervisor)
                .migrate(backendCluster(), vm, target, MigrationOptions.defaults(), null)
                .thenApply(outcome -> outcome instanceof LiveMigrator.Outcome.Ran ran ? ran.result()
                        : OpResult.failed(((LiveMigrator.Outcome.Refused) outcome).plan().reason()));
        List<DomainState> states = new ArrayList<>();
        try (MigrationWatch watch = backend().watchMigrations(target)) {
            // Ask the source how the VM is while the copy runs: each answer that comes before the end counts.
            while (!running.toCompletableFuture().isDone()) {
                OpResult<DomainInfo> now = backend().await(hv(source).domain(vm));
                if (!running.toCompletableFuture().isDone() && now.isOk()) {
                    states.add(now.value().state());
                }
            }
            migration = backend().await(running);
            migrationPorts = watch.ports();
            migrationObservable = watch.observable();
        }
        statesDuringCopy = states;
        world.note("source states while copying: " + runs(states) + "; streams into " + target + " on " + migrationPorts
                + "; " + (migration.isOk() ? migration.value() : migration.reason()));
        if (migration.isOk()) {
            world.changeVm(vm, v -> v.withHost(target));
        }
    }

    /** {@code 30 x RUNNING, 2 x PAUSED}: the states in the order seen, repeats counted. */
    private static String runs(List<DomainState> states) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < states.size()) {
            int j = i;
            while (j < states.size() && states.get(j) == states.get(i)) {
                j++;
            }
            parts.add((j - i) + " x " + states.get(i));
            i = j;
        }
        return String.join(", ", parts);
    }

    @Then("{string} runs on {string} and {string} no longer has it")
    public void moved(String vm, String target, String source) {
        assertThat(migration).as("the migration: %s", migration.reason()).isInstanceOf(OpResult.Ok.class);
        assertThat(ok("state on " + target, hv(target).domain(vm)).state()).isEqualTo(DomainState.RUNNING);
        assertThat(ok("list " + source, hv(source).list())).extracting(DomainInfo::name).doesNotContain(vm);
    }

    /**
     * G-01: the looks at the source while the migration ran found the VM running, and once it paused (the
     * switch-over, which on libvirt lasts until the target has taken over) it did not run there again; the guest was
     * stopped for less than the whole migration. A migration that paused the guest for the copy would show it paused
     * from the start and a downtime as long as the migration.
     */
    @Then("{string} ran while its memory was copied and paused only for the switch-over")
    public void ranDuringCopy(String vm) {
        List<DomainState> seen = statesDuringCopy;
        int switchOver = 0;
        while (switchOver < seen.size() && seen.get(switchOver) == DomainState.RUNNING) {
            switchOver++;
        }
        assertThat(switchOver).as("looks at %s that found it running before the switch-over: %s", vm, seen)
                .isGreaterThanOrEqualTo(2);
        // From the switch-over on the source copy is paused, then stopped as the target takes over; never again running.
        assertThat(seen.subList(switchOver, seen.size())).as("states of %s from the switch-over on: %s", vm, seen)
                .doesNotContain(DomainState.RUNNING);
        MigrationResult result = migration.value();
        assertThat(result.downtimeMillis()).as("downtime of %s", result).isLessThan(result.durationMillis());
    }

    @Then("the migration stream reached {string} on port {int}")
    public void streamPort(String target, int port) {
        if (!migrationObservable) {
            throw new TestAbortedException("the sockets of " + target + " cannot be seen from here (a remote host)");
        }
        assertThat(migrationPorts).as("TCP ports of the streams into %s", target).containsExactly(port);
    }
}
