package io.cellharness.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.ClusterSettings;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.NicModel;
import io.cellharness.core.model.OsType;
import io.cellharness.core.model.Overcommit;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.TimeSync;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.spec.SpecCodec;
import io.cellharness.core.spec.SpecFormatException;
import io.cellharness.core.validation.Problem;
import io.cellharness.core.validation.SpecValidator;
import io.cucumber.java.DataTableType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Describing a cluster, checking it as {@code cell check} does, and reading the verdict. */
public class SpecSteps {

    private final ScenarioWorld world;

    public SpecSteps(ScenarioWorld world) {
        this.world = world;
    }

    @DataTableType
    public ProblemRow problemRow(Map<String, String> row) {
        return new ProblemRow(row.get("id"), row.get("path"), row.get("value"), row.get("limit"));
    }

    static VmSpec plainVm(String name, Size memory, int vcpus) {
        return new VmSpec(name, memory, vcpus, null, null, false, null, null, null, null, null, TimeSync.NTP, null, null);
    }

    @Given("a VM {string} with {size} of memory and {int} vCPU(s)")
    public void aVm(String name, Size memory, int vcpus) {
        world.addVm(plainVm(name, memory, vcpus));
    }

    @Given("{int} VMs with {int} vCPU(s) and {size} of memory each placed on {string}")
    public void manyVms(int count, int vcpus, Size memory, String host) {
        int first = world.vms().size();
        for (int i = 0; i < count; i++) {
            world.addVm(plainVm("vm" + (first + i), memory, vcpus).withHost(host));
        }
    }

    @Given("the VM {string} is placed on {string}")
    public void placed(String vm, String host) {
        world.changeVm(vm, v -> v.withHost(host));
    }

    @Given("the VM {string} has {int} {diskBus} disk(s)")
    public void disks(String vm, int count, DiskBus bus) {
        world.changeVm(vm, v -> {
            List<DiskSpec> disks = new ArrayList<>(v.disks());
            for (int i = 0; i < count; i++) {
                disks.add(new DiskSpec(bus, StorageType.GLUE_RBD, "rbd/" + vm + "-" + disks.size(), Size.ofGiB(10)));
            }
            return v.withDisks(disks);
        });
    }

    @Given("the VM {string} has a local disk of {size}")
    public void localDisk(String vm, Size size) {
        world.changeVm(vm, v -> {
            List<DiskSpec> disks = new ArrayList<>(v.disks());
            disks.add(new DiskSpec(DiskBus.VIRTIO_BLK, StorageType.LOCAL, "/var/lib/cell/" + vm + "-" + disks.size(), size));
            return v.withDisks(disks);
        });
    }

    @Given("the VM {string} has {int} {nicModel} NIC(s)")
    public void nics(String vm, int count, NicModel model) {
        world.changeVm(vm, v -> {
            List<VmNicSpec> nics = new ArrayList<>(v.nics());
            for (int i = 0; i < count; i++) {
                nics.add(new VmNicSpec(null, null, null, model));
            }
            return v.withNics(nics);
        });
    }

    @Given("the VM {string} has a NIC with MAC {string}")
    public void nicWithMac(String vm, String mac) {
        world.changeVm(vm, v -> {
            List<VmNicSpec> nics = new ArrayList<>(v.nics());
            nics.add(new VmNicSpec(mac, null, null, null));
            return v.withNics(nics);
        });
    }

    @Given("the VM {string} uses CPU mode {cpuMode}")
    public void cpuMode(String vm, CpuMode mode) {
        world.changeVm(vm, v -> v.withCpuMode(mode));
    }

    @Given("the VM {string} runs Windows with virtio drivers {word} and guest agent {word}")
    public void windows(String vm, String drivers, String agent) {
        world.changeVm(vm, v -> new VmSpec(v.name(), v.memory(), v.vcpus(), v.cpuMode(), OsType.WINDOWS,
                yes(agent), yes(drivers), v.disks(), v.nics(), v.graphics(), v.ha(), v.timeSync(), v.host(),
                v.passthrough()));
    }

    @Given("the VM {string} has the guest agent")
    public void guestAgent(String vm) {
        world.changeVm(vm, v -> new VmSpec(v.name(), v.memory(), v.vcpus(), v.cpuMode(), v.os(), true,
                v.hasVirtioDrivers(), v.disks(), v.nics(), v.graphics(), v.ha(), v.timeSync(), v.host(), v.passthrough()));
    }

    @Given("the VM {string} declares no time synchronisation")
    public void noTimeSync(String vm) {
        world.changeVm(vm, v -> new VmSpec(v.name(), v.memory(), v.vcpus(), v.cpuMode(), v.os(), v.guestAgent(),
                v.hasVirtioDrivers(), v.disks(), v.nics(), v.graphics(), v.ha(), null, v.host(), v.passthrough()));
    }

    private static boolean yes(String word) {
        return switch (word) {
            case "installed", "running", "yes" -> true;
            case "missing", "absent", "no" -> false;
            default -> throw new IllegalArgumentException("say installed/running or missing/absent, not " + word);
        };
    }

    @Given("a host {string} with {int} cores and {size} of memory")
    public void aHost(String name, int cores, Size memory) {
        world.addHost(new HostSpec(name, cores, memory, null, null, null, null, null, null));
    }

    @Given("a host {string} with {int} cores, {size} of memory and {size} of local disk")
    public void aHostWithDisk(String name, int cores, Size memory, Size disk) {
        world.addHost(new HostSpec(name, cores, memory, disk, null, null, null, null, null));
    }

    @Given("memory overcommit is enabled with factor {double}")
    public void memoryOvercommit(double factor) {
        Overcommit now = world.settings().overcommit();
        world.settings(new ClusterSettings(new Overcommit(factor, now.disk()), world.settings().cpuGenerationCompatibility()));
    }

    @Given("disk overcommit is enabled with factor {double}")
    public void diskOvercommit(double factor) {
        Overcommit now = world.settings().overcommit();
        world.settings(new ClusterSettings(new Overcommit(now.memory(), factor), world.settings().cpuGenerationCompatibility()));
    }

    @Given("a cluster specification:")
    public void specification(String yaml) {
        world.yaml(yaml);
    }

    @When("the cluster specification is checked")
    public void check() {
        try {
            var respellings = new java.util.ArrayList<io.cellharness.core.spec.Respelling>();
            var spec = world.yaml() != null ? SpecCodec.readCluster(world.yaml(), "scenario.yaml", respellings)
                    : world.cluster();
            world.checked = spec;
            world.report = SpecValidator.validate(spec, respellings);
        } catch (SpecFormatException e) {
            world.formatError = e;
        }
    }

    @Then("the checked VM {string} has CPU mode {cpuMode}")
    public void checkedCpuMode(String vm, CpuMode mode) {
        assertThat(world.checked.vm(vm)).as("VM %s in the checked specification", vm).isPresent();
        assertThat(world.checked.vm(vm).orElseThrow().cpuMode()).isEqualTo(mode);
    }

    @Then("the specification is accepted")
    public void accepted() {
        assertThat(world.formatError).as("format error").isNull();
        assertThat(world.report.errors()).as("errors").isEmpty();
    }

    @Then("the specification is accepted with a warning {word}")
    public void acceptedWithWarning(String id) {
        accepted();
        assertThat(world.report.warnings()).extracting(Problem::id).contains(id);
    }

    @Then("the specification is accepted without warnings")
    public void acceptedClean() {
        accepted();
        assertThat(world.report.warnings()).isEmpty();
    }

    @Then("it is refused with exactly these problems:")
    public void refusedWith(List<ProblemRow> expected) {
        assertThat(world.formatError).as("format error").isNull();
        List<Problem> errors = world.report.errors();
        assertThat(errors).as("errors").hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            ProblemRow want = expected.get(i);
            Problem got = errors.get(i);
            assertThat(got.id()).as("id of error %d", i).isEqualTo(want.id());
            if (want.path() != null) {
                assertThat(got.path()).as("path of error %d", i).isEqualTo(want.path());
            }
            if (want.value() != null) {
                assertThat(got.value()).as("value of error %d", i).isEqualTo(want.value());
            }
            if (want.limit() != null) {
                assertThat(got.limit()).as("limit of error %d", i).isEqualTo(want.limit());
            }
        }
    }

    @Then("the error message says {string}")
    public void errorSays(String text) {
        assertThat(world.report.errors()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains(text));
    }

    @Then("a warning {word} says {string}")
    public void warningSays(String id, String text) {
        assertThat(world.report.warnings()).filteredOn(p -> p.id().equals(id)).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains(text));
    }

    @Then("a warning {word} at {string} says {string}")
    public void warningAtSays(String id, String path, String text) {
        assertThat(world.report.warnings()).filteredOn(p -> p.id().equals(id) && p.path().equals(path))
                .extracting(Problem::message).containsExactly(text);
    }

    /** the phrase {@code cell sim} and {@code cell sweep} put on their pages for this cluster's guests. */
    @Then("the reports of this cluster say its guests are {string}")
    public void guests(String phrase) {
        assertThat(io.cellharness.core.host.GuestVirtualisation.of(world.checked)).isEqualTo(phrase);
    }

    @Then("there is no warning {word}")
    public void noWarning(String id) {
        assertThat(world.report.warnings()).extracting(Problem::id).doesNotContain(id);
    }

    @Then("the file is rejected as malformed at line {int} with {string}")
    public void malformed(int line, String text) {
        assertThat(world.formatError).as("a format error").isNotNull();
        assertThat(world.formatError.line()).isEqualTo(line);
        assertThat(world.formatError.getMessage()).contains(text).doesNotContain("\n");
    }
}
