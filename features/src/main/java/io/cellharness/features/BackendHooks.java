package io.cellharness.features;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;

/** Opens nothing up front (a scenario that needs a backend asks for it) and closes whatever backend a scenario used. */
public class BackendHooks {

    private final ScenarioWorld world;

    public BackendHooks(ScenarioWorld world) {
        this.world = world;
    }

    @Before
    public void begin(Scenario scenario) {
        world.begin(scenario);
    }

    @After
    public void end() {
        world.end();
    }
}
