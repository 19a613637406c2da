package io.cellharness.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.cpu.BaselineResult;
import io.cellharness.core.cpu.CpuBaseline;
import io.cellharness.core.cpu.CpuCatalogue;
import io.cellharness.core.cpu.EffectiveCpu;
import io.cellharness.core.cpu.GuestCpu;
import io.cellharness.core.cpu.GuestCpuResult;
import io.cellharness.core.model.ClusterSettings;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.CpuVendor;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Size;
import io.cucumber.java.DataTableType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.util.List;
import java.util.Map;

/**
 * Host CPUs and the CPU a VM gets (C-02 … C-05), through {@link EffectiveCpu} and {@link CpuBaseline}, the engine API
 * the migration planner and {@code cell check} use.
 */
public class CpuSteps {

    /** Hosts the CPU scenarios describe are large enough that capacity never decides a CPU question. */
    static final int HOST_CORES = 64;
    static final Size HOST_MEMORY = Size.ofGiB(512);

    private final ScenarioWorld world;

    public CpuSteps(ScenarioWorld world) {
        this.world = world;
    }

    /** A row of a hosts table: {@code | host | vendor | model | features |}; features comma separated, may be empty. */
    public record HostCpuRow(String host, String vendor, String model, String features) {
    }

    @DataTableType
    public HostCpuRow hostCpuRow(Map<String, String> row) {
        return new HostCpuRow(row.get("host"), row.get("vendor"), row.get("model"), row.get("features"));
    }

    static List<String> names(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return List.of(commaSeparated.trim().split("\\s*,\\s*"));
    }

    static HostSpec host(String name, CpuSpec cpu) {
        return new HostSpec(name, HOST_CORES, HOST_MEMORY, null, cpu, null, null, null, null);
    }

    @Given("a host {string} with CPU {word}")
    public void hostWithCpu(String name, String model) {
        world.addHost(host(name, CpuCatalogue.standard().hostCpu(model)));
    }

    @Given("a host {string} with CPU {word} plus {string}")
    public void hostWithCpuPlus(String name, String model, String extras) {
        world.addHost(host(name, CpuCatalogue.standard().hostCpu(model, names(extras).toArray(new String[0]))));
    }

    @Given("the host {string} has CPU {word}")
    public void hostHasCpu(String name, String model) {
        world.changeHost(name, h -> h.withCpu(CpuCatalogue.standard().hostCpu(model)));
    }

    @Given("the host {string} has CPU {word} plus {string}")
    public void hostHasCpuPlus(String name, String model, String extras) {
        world.changeHost(name, h -> h.withCpu(CpuCatalogue.standard().hostCpu(model,
                names(extras).toArray(new String[0]))));
    }

    @Given("the hosts:")
    public void hosts(List<HostCpuRow> rows) {
        for (HostCpuRow row : rows) {
            world.addHost(host(row.host(), new CpuSpec(CpuVendor.fromYaml(row.vendor()), row.model(), 0,
                    names(row.features()))));
        }
    }

    @Given("CPU generation compatibility is {onOff}")
    public void generationCompatibility(boolean on) {
        world.settings(new ClusterSettings(world.settings().overcommit(), on));
    }

    @Then("the cluster's baseline CPU is {word}")
    public void baseline(String model) {
        BaselineResult baseline = CpuBaseline.ofCluster(world.cluster());
        assertThat(baseline).as("baseline of the cluster").isInstanceOf(BaselineResult.Found.class);
        assertThat(((BaselineResult.Found) baseline).model().name()).isEqualTo(model);
    }

    @Then("the baseline also requires {string}")
    public void baselineExtras(String features) {
        BaselineResult.Found baseline = (BaselineResult.Found) CpuBaseline.ofCluster(world.cluster());
        assertThat(baseline.extraFeatures()).containsAll(names(features));
    }

    @Then("the oldest generation of the cluster is {word}")
    public void oldestGeneration(String model) {
        BaselineResult oldest = CpuBaseline.oldestGeneration(world.cluster());
        assertThat(oldest).as("oldest generation CPU of the cluster").isInstanceOf(BaselineResult.Found.class);
        assertThat(((BaselineResult.Found) oldest).model().name()).isEqualTo(model);
    }

    @Then("the VM {string} runs the CPU model {word} by {word}")
    public void vmCpu(String vm, String model, String rule) {
        GuestCpu cpu = guestCpu(vm);
        assertThat(cpu.cpu().model()).as("CPU model of %s", vm).isEqualTo(model);
        assertThat(cpu.rule()).as("rule deciding the CPU of %s", vm).isEqualTo(rule);
    }

    @Then("the VM {string} is defined with CPU mode {cpuMode}")
    public void renderedMode(String vm, CpuMode mode) {
        assertThat(guestCpu(vm).mode()).as("the <cpu mode> of %s", vm).isEqualTo(mode);
    }

    @Then("the VM {string} sees exactly the CPU of {string}")
    public void seesHostCpu(String vm, String host) {
        CpuSpec hostCpu = CpuCatalogue.standard().expand(world.host(host).cpu());
        assertThat(guestCpu(vm).cpu()).isEqualTo(hostCpu);
    }

    private GuestCpu guestCpu(String vm) {
        GuestCpuResult result = EffectiveCpu.of(world.vm(vm), world.cluster());
        assertThat(result).as("the CPU of %s", vm).isInstanceOf(GuestCpuResult.Defined.class);
        return ((GuestCpuResult.Defined) result).cpu();
    }
}
