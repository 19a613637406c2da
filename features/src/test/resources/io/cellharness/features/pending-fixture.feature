Feature: A pending scenario, as a test fixture
  ScenarioRunnerPendingTest checks that a scenario tagged @wip is listed as pending and never run.

  @R-01 @wip
  Scenario: Fixture - a scenario whose behaviour is not built yet is pending
    Given a step that nobody has written yet
