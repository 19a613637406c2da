Feature: Glue storage I/O paths over time
  Cell's librbd checks the Glue monitors periodically and sends a VM's I/O through the monitor of the storage
  controller on its own host. When that controller stops answering, I/O moves to the next nearest controller and
  continues; when it answers again, I/O returns to it ("스토리지 I/O 경로"). These scenarios run the path selector on
  the simulator with every VM writing continuously.

  Background:
    Given a simulated cluster:
      """
      hosts:
        - {name: cube1, cores: 16, memory: 128GiB, bmc: {address: 10.0.10.1, username: admin, passwordEnv: BMC_PASSWORD}, storageController: {monitor: "10.0.20.1:6789"}}
        - {name: cube2, cores: 16, memory: 128GiB, bmc: {address: 10.0.10.2, username: admin, passwordEnv: BMC_PASSWORD}, storageController: {monitor: "10.0.20.2:6789"}}
        - {name: cube3, cores: 16, memory: 128GiB, bmc: {address: 10.0.10.3, username: admin, passwordEnv: BMC_PASSWORD}, storageController: {monitor: "10.0.20.3:6789"}}
      vms:
        - {name: app1, host: cube1, memory: 8GiB, vcpus: 2, ha: {enabled: true}, disks: [{storage: glue-rbd, volume: rbd/app1, size: 40GiB}]}
        - {name: app2, host: cube2, memory: 8GiB, vcpus: 2, ha: {enabled: true}, disks: [{storage: glue-rbd, volume: rbd/app2, size: 40GiB}]}
        - {name: app3, host: cube3, memory: 8GiB, vcpus: 2, ha: {enabled: true}, disks: [{storage: glue-rbd, volume: rbd/app3, size: 40GiB}]}
      """

  @S-04 @S-05 @S-06 @S-07
  Scenario: Local controller down, I/O moves to the nearest after a bounded stall, and returns when it answers again
    Given the fault storage-controller-down hits "cube1" at 30s for 1m
    When the simulation runs until 20s
    Then the running VM "app1" writes through the monitor on "cube1"
    When the simulation runs until 50s
    Then the running VM "app1" writes through the monitor on "cube2"
    And "app1" had its I/O stalled for at most 7s
    And the domain "app1" on "cube1" is RUNNING with a reason containing "booted"
    When the simulation runs until 3m
    Then the running VM "app1" writes through the monitor on "cube1"
    And "app1" failed over 1 time and failed back 1 time
    And no write of "app1" was lost and all were acknowledged
    And no power-off was ever sent to "cube1"
    And no invariant is violated

  @S-08
  Scenario: No monitor answers: I/O stalls, the VMs pause on I/O, and resume by themselves with no write lost
    Given every storage controller stops at 30s for 20s
    When the simulation runs until 45s
    Then the running VM "app2" has its writes held: no monitor answers
    And the domain "app2" on "cube2" is PAUSED with a reason containing "I/O stalled"
    When the simulation runs until 2m
    Then the domain "app2" on "cube2" is RUNNING with a reason containing "I/O resumed"
    And no write of "app1" was lost and all were acknowledged
    And no write of "app2" was lost and all were acknowledged
    And no write of "app3" was lost and all were acknowledged
    And no host was fenced
    And no invariant is violated

  @S-09
  Scenario: A monitor that comes and goes faster than the check period causes one failover and one failback
    Given the fault monitor-flapping hits "cube2" at 30s for 40s every 1s
    When the simulation runs until 3m
    Then "app2" failed over 1 time and failed back 1 time
    And the running VM "app2" writes through the monitor on "cube2"
    And no write of "app2" was lost and all were acknowledged
    And no invariant is violated

  @S-05 @H-05
  Scenario: A storage path failover is not a host failure
    Given the fault storage-controller-down hits "cube3" at 30s for 2m
    When the simulation runs until 3m
    Then no host was fenced
    And "app3" runs on "cube3"
