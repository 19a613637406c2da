package io.cellharness.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.mac.MacAddress;
import io.cellharness.core.mac.MacAllocator;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.SeededRandom;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** M-01: the manager assigns MACs and keeps them unique, across restarts and re-creation. */
public class MacSteps {

    private final ScenarioWorld world;
    private MacAllocator allocator;
    private long restarts;

    public MacSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("{int} VMs with {int} NICs each and no explicit MACs")
    public void vmsWithoutMacs(int count, int nics) {
        int first = world.vms().size();
        for (int i = 0; i < count; i++) {
            List<VmNicSpec> list = new ArrayList<>();
            for (int n = 0; n < nics; n++) {
                list.add(new VmNicSpec(null, null, null, null));
            }
            world.addVm(SpecSteps.plainVm("vm" + (first + i), Size.ofGiB(1), 1).withNics(list));
        }
    }

    @When("the manager assigns the missing MACs")
    public void assign() {
        if (allocator == null) {
            allocator = MacAllocator.rebuild(world.cluster(), new SeededRandom(1).split("mac"), null);
        }
        world.replaceVms(world.vms().stream().map(allocator::assignMissing).toList());
    }

    @When("the manager restarts and rebuilds its view from the specifications")
    public void restart() {
        allocator = MacAllocator.rebuild(world.cluster(), new SeededRandom(1).split("mac-restart-" + ++restarts), null);
    }

    @When("the VMs {string} and {string} are destroyed")
    public void destroy(String a, String b) {
        List<VmSpec> keep = new ArrayList<>();
        for (VmSpec vm : world.vms()) {
            if (vm.name().equals(a) || vm.name().equals(b)) {
                vm.nics().forEach(n -> allocator.release(MacAddress.parse(n.mac())));
            } else {
                keep.add(vm);
            }
        }
        world.replaceVms(keep);
    }

    @Then("every NIC has a locally administered unicast MAC")
    public void everyNicHasAMac() {
        for (VmSpec vm : world.vms()) {
            for (VmNicSpec nic : vm.nics()) {
                assertThat(nic.mac()).as(vm.name()).isNotNull();
                MacAddress mac = MacAddress.parse(nic.mac());
                assertThat(mac.isLocallyAdministered()).as(nic.mac()).isTrue();
                assertThat(mac.isMulticast()).as(nic.mac()).isFalse();
            }
        }
    }

    @Then("all {int} MACs of the cluster are different")
    public void allDifferent(int count) {
        TreeSet<String> macs = new TreeSet<>();
        int total = 0;
        for (VmSpec vm : world.vms()) {
            for (VmNicSpec nic : vm.nics()) {
                macs.add(nic.mac());
                total++;
            }
        }
        assertThat(total).isEqualTo(count);
        assertThat(macs).hasSize(count);
    }
}
