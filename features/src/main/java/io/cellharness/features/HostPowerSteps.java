package io.cellharness.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.host.HostSuspendPolicy;
import io.cellharness.core.port.OpResult;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** L-09: host suspend and hibernate while VMs run. */
public class HostPowerSteps {

    private final ScenarioWorld world;
    private HostSuspendPolicy.Decision decision;

    public HostPowerSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("the host {string} is asked to {word}")
    public void ask(String host, String what) {
        HostSuspendPolicy.Request request = switch (what) {
            case "suspend" -> HostSuspendPolicy.Request.SUSPEND;
            case "hibernate" -> HostSuspendPolicy.Request.HIBERNATE;
            default -> throw new IllegalArgumentException("suspend or hibernate, not " + what);
        };
        // What runs there, as the host's hypervisor reports it: not the VMs the specification places on it.
        decision = world.backend().await(HostSuspendPolicy.check(host, request, world.backend().hypervisor(host))
                .thenApply(OpResult::ok)).value();
    }

    @Then("the request is refused naming {string} and {string}")
    public void refused(String a, String b) {
        assertThat(decision).isInstanceOf(HostSuspendPolicy.Decision.Refused.class);
        HostSuspendPolicy.Decision.Refused refused = (HostSuspendPolicy.Decision.Refused) decision;
        assertThat(refused.runningVms()).containsExactlyInAnyOrder(a, b);
        assertThat(refused.message()).contains(a).contains(b).contains("L-09");
    }

    @Then("the host's answer refuses and names {string} and {string}")
    public void simRefused(String a, String b) {
        decision = world.hostSuspend;
        refused(a, b);
    }

    @Then("the request is allowed")
    public void allowed() {
        assertThat(decision).isInstanceOf(HostSuspendPolicy.Decision.Allowed.class);
    }
}
