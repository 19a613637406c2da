package io.cellharness.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.migration.MigrationFallback;
import io.cellharness.core.migration.MigrationOptions;
import io.cellharness.core.migration.MigrationPlan;
import io.cellharness.core.migration.MigrationPlanner;
import io.cellharness.core.migration.MigrationPrediction;
import io.cellharness.core.migration.PreCopyModel;
import io.cellharness.core.model.Size;
import io.cellharness.core.port.MigrationRequest;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Locale;

/**
 * Live migration plans and predictions (C-02 … C-06, G-01 … G-04) through {@link MigrationPlanner} and
 * {@link PreCopyModel}, as {@code cell migrate-plan} calls them.
 */
public class MigrationSteps {

    private final ScenarioWorld world;
    private MigrationOptions options = MigrationOptions.defaults();
    private Size memory;
    private Size unsharedDisk = Size.ofBytes(0);
    private MigrationPlan plan;
    private MigrationPrediction prediction;

    public MigrationSteps(ScenarioWorld world) {
        this.world = world;
    }

    // ---- plans (a VM of the described cluster) ----

    @When("{string} is planned to migrate to {string}")
    public void planned(String vm, String target) {
        plan = MigrationPlanner.plan(world.cluster(), vm, target, options);
        prediction = plan instanceof MigrationPlan.Ready ready ? ready.prediction() : null;
    }

    @Then("the migration is allowed by {word}")
    public void allowed(String rule) {
        assertThat(plan).as("the plan").isInstanceOf(MigrationPlan.Ready.class);
        assertThat(((MigrationPlan.Ready) plan).cpu().rule()).as("the CPU rule that allowed it").isEqualTo(rule);
    }

    @Then("the CPU note says {string}")
    public void note(String text) {
        assertThat(((MigrationPlan.Ready) plan).cpu().note()).contains(text);
    }

    /**
     * C-06: a refused plan carries no {@link MigrationRequest}, so there is nothing to hand the hypervisor and nothing
     * is copied.
     */
    @Then("the migration is refused by {word} before anything is copied")
    public void refused(String rule) {
        assertThat(plan).as("the plan").isInstanceOf(MigrationPlan.Refused.class);
        assertThat(((MigrationPlan.Refused) plan).rule()).as("the rule that refused it").isEqualTo(rule);
        assertThat(prediction).as("no prediction, no request: nothing is copied").isNull();
    }

    @Then("the reason says {string}")
    public void reason(String text) {
        assertThat(((MigrationPlan.Refused) plan).reason()).contains(text);
    }

    @Then("the reason does not mention {string}")
    public void reasonOmits(String text) {
        assertThat(((MigrationPlan.Refused) plan).reason()).doesNotContain(text);
    }

    @Then("{string} may migrate to every other host of the cluster by {word}")
    public void anywhere(String vm, String rule) {
        String source = world.vm(vm).host();
        for (var host : world.hosts()) {
            if (host.name().equals(source)) {
                continue;
            }
            MigrationPlan toHost = MigrationPlanner.plan(world.cluster(), vm, host.name(), options);
            assertThat(toHost).as("%s to %s", vm, host.name()).isInstanceOf(MigrationPlan.Ready.class);
            assertThat(((MigrationPlan.Ready) toHost).cpu().rule()).as("%s to %s", vm, host.name()).isEqualTo(rule);
        }
    }

    @Then("it runs at {double} Gb\\/s, the bandwidth of the management network")
    public void managementBandwidth(double gbps) {
        assertThat(ready().bandwidthGbps()).isEqualTo(gbps);
        assertThat(prediction.bandwidthGbps()).isEqualTo(gbps);
    }

    @Then("the migration copies the memory only")
    public void memoryOnly() {
        assertThat(ready().request().copyStorage()).as("copy storage").isFalse();
        assertThat(prediction.diskBytes()).isZero();
        assertThat(prediction.bytesTransferred()).isEqualTo(prediction.memoryBytesSent());
    }

    @Then("the migration copies {size} of disk data before the memory")
    public void diskFirst(Size disk) {
        assertThat(ready().request().copyStorage()).as("copy storage").isTrue();
        assertThat(prediction.diskBytes()).isEqualTo(disk.bytes());
        assertThat(prediction.bytesTransferred()).isEqualTo(disk.bytes() + prediction.memoryBytesSent());
    }

    @Then("it sends {size} of memory")
    public void memorySent(Size sent) {
        assertThat(prediction.memoryBytesSent()).isEqualTo(sent.bytes());
    }

    private MigrationPlan.Ready ready() {
        assertThat(plan).as("the plan").isInstanceOf(MigrationPlan.Ready.class);
        return (MigrationPlan.Ready) plan;
    }

    // ---- predictions (the pre-copy model alone) ----

    @Given("a VM with {size} of memory that dirties {double} MiB\\/s")
    public void busyVm(Size vmMemory, double mibPerSecond) {
        memory = vmMemory;
        options = options.withDirtyRate(mibPerSecond);
    }

    @Given("its storage is not shared, with {size} of disk")
    public void unshared(Size disk) {
        unsharedDisk = disk;
    }

    @Given("the guest dirties {double} MiB\\/s")
    public void dirtyRate(double mibPerSecond) {
        options = options.withDirtyRate(mibPerSecond);
    }

    @Given("the migration fallback is {word} after {int} passes")
    public void fallback(String fallback, int passes) {
        options = options.withFallback(MigrationFallback.fromYaml(fallback)).withMaxIterations(passes);
    }

    @Given("auto-converge is {onOff}")
    public void autoConverge(boolean on) {
        options = options.withAutoConverge(on);
    }

    @When("its live migration is predicted at {double} Gb\\/s")
    public void predict(double gbps) {
        prediction = PreCopyModel.predict(memory.bytes(), unsharedDisk.bytes(), gbps, options);
    }

    @Then("it converges")
    public void converges() {
        assertThat(prediction.converges()).as("converges: %s", prediction.advice()).isTrue();
        assertThat(prediction.downtimeMillis()).isLessThanOrEqualTo(options.maxDowntimeMillis());
    }

    @Then("it does not converge and is aborted, the VM staying on the source")
    public void aborted() {
        assertThat(prediction.converges()).isFalse();
        assertThat(prediction.completes()).isFalse();
        assertThat(prediction.downtimeMillis()).isZero();
    }

    @Then("it does not converge and the fallback pauses the guest for {long} ms to finish")
    public void forced(long downtime) {
        assertThat(prediction.converges()).isFalse();
        assertThat(prediction.completes()).isTrue();
        assertThat(prediction.downtimeMillis()).isEqualTo(downtime).isGreaterThan(options.maxDowntimeMillis());
    }

    @Then("the network is flagged as slow")
    public void slow() {
        assertThat(prediction.slowNetwork()).isTrue();
    }

    @Then("the network is not flagged as slow")
    public void notSlow() {
        assertThat(prediction.slowNetwork()).isFalse();
        assertThat(prediction.advice()).noneMatch(a -> a.contains("slow"));
    }

    @Then("the advice says {string}")
    public void adviceSays(String text) {
        assertThat(prediction.advice()).anySatisfy(a -> assertThat(a).contains(text));
    }

    @Then("it takes {string}")
    public void takes(String seconds) {
        assertThat(String.format(Locale.ROOT, "%.1f s", prediction.durationMillis() / 1000.0)).isEqualTo(seconds);
    }
}
