package io.cellharness.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.advice.Advice;
import io.cellharness.core.advice.ExpectedPerformance;
import io.cellharness.core.advice.PerformanceAdvisor;
import io.cellharness.core.advice.VmAdvice;
import io.cellharness.core.model.CpuVendor;
import io.cellharness.core.model.GraphicsModel;
import io.cellharness.core.model.VmSpec;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Map;

/** P-01 … P-03 and T-01 advice, as {@code cell advise} gives it. */
public class AdviceSteps {

    private final ScenarioWorld world;
    private VmAdvice advice;

    public AdviceSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("the VM {string} has {word} graphics")
    public void graphics(String vm, String model) {
        GraphicsModel g = GraphicsModel.fromYaml(model);
        world.changeVm(vm, v -> new VmSpec(v.name(), v.memory(), v.vcpus(), v.cpuMode(), v.os(), v.guestAgent(),
                v.hasVirtioDrivers(), v.disks(), v.nics(), g, v.ha(), v.timeSync(), v.host(), v.passthrough()));
    }

    @When("the harness advises on {string} for an {word} host")
    public void advise(String vm, String vendor) {
        advice = PerformanceAdvisor.advise(world.vm(vm), CpuVendor.fromYaml(vendor));
    }

    @Then("the expected performance is:")
    public void expected(List<Map<String, String>> rows) {
        assertThat(advice.expected()).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ExpectedPerformance got = advice.expected().get(i);
            Map<String, String> want = rows.get(i);
            assertThat(got.deviceClass().label()).as("class of row %d", i).isEqualTo(want.get("class"));
            assertThat(got.device()).as("device of row %d", i).isEqualTo(want.get("device"));
            assertThat(got.percent() + "%").as("performance of row %d", i).isEqualTo(want.get("performance"));
        }
    }

    @Then("the advice {word} about {string} says {string}")
    public void adviceSays(String id, String subject, String text) {
        assertThat(advice.advice()).filteredOn(a -> a.id().equals(id) && a.subject().equals(subject))
                .extracting(Advice::text).anySatisfy(t -> assertThat(t).contains(text));
    }

    @Then("there is no advice {word}")
    public void noAdvice(String id) {
        assertThat(advice.advice()).extracting(Advice::id).doesNotContain(id);
    }
}
