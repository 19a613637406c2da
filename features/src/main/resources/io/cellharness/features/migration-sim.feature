Feature: Live migration on the simulator
  A live migration copies the VM's memory (and disk data when storage is not shared) to the target over the
  management network and then moves the VM; the VM keeps running during the copy ("라이브 마이그레이션"). The
  simulator runs the pre-copy model in virtual time, and faults can interrupt it.

  Background:
    Given a simulated cluster of 3 HCI hosts with 2 HA VMs each
    And the guest "vm-1-1" dirties memory at 300 MiB/s

  @G-01
  Scenario: The VM keeps running on the source during the copy and then runs on the target
    When "vm-1-1" is live-migrated to "cube2" at 20s
    And the simulation runs until 20500ms
    Then "vm-1-1" runs on "cube1"
    When the simulation runs until 60s
    Then "vm-1-1" runs on "cube2"
    And no invariant is violated

  @G-02
  Scenario: The memory is copied over the management network: cut it during the copy and the migration fails
    Given the hosts "cube2" are cut off the management network at 20200ms for 90s
    When "vm-1-1" is live-migrated to "cube2" at 20s
    And the simulation runs until 2m
    Then "vm-1-1" runs on "cube1"
    And "vm-1-1" runs exactly once
    And no invariant is violated

  @G-02
  Scenario: A cut of the storage network during the copy does not stop the migration
    Given the hosts "cube2" are cut off the storage network at 20200ms for 90s
    When "vm-1-1" is live-migrated to "cube2" at 20s
    And the simulation runs until 2m
    Then "vm-1-1" runs on "cube2"
    And "vm-1-1" runs exactly once

  @G-05
  Scenario: The target fails during the migration: exactly one copy, on the source
    Given "cube2" crashes at 20500ms
    When "vm-1-1" is live-migrated to "cube2" at 20s
    And the simulation runs until 2m
    Then "vm-1-1" runs on "cube1"
    And no invariant is violated

  @G-05 @H-06
  Scenario: The source fails during the migration: the VM is restarted once, never twice
    Given "cube1" crashes at 20500ms
    When "vm-1-1" is live-migrated to "cube2" at 20s
    And the simulation runs until 2m
    Then "vm-1-1" runs exactly once
    And "cube1" was fenced with its power read back as off
    And no invariant is violated
