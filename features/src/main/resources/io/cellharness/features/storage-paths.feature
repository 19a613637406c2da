Feature: Glue storage I/O paths over time
  Cell's librbd checks the Glue monitors periodically and sends a VM's I/O through the monitor of the storage
  controller on its own host. When that controller stops answering, I/O moves to the next nearest controller and
  continues; when it answers again, librbd "recognises it immediately" and I/O returns to it ("스토리지 I/O 경로").
  Only a controller that fails again soon after its failback is damped, as routers damp a flapping route. These
  scenarios run the path selector on the simulator with every VM writing continuously.

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
  Scenario: Local controller down, I/O moves to the nearest after a bounded stall, and returns at its first answer
    Given the fault storage-controller-down hits "cube1" at 30s for 1m
    When the simulation runs until 20s
    Then the running VM "app1" writes through the monitor on "cube1"
    When the simulation runs until 50s
    Then the running VM "app1" writes through the monitor on "cube2"
    And "app1" had its I/O stalled for at most 7s
    And the domain "app1" on "cube1" is RUNNING with a reason containing "booted"
    When the simulation runs until 93s
    Then the running VM "app1" writes through the monitor on "cube1"
    And the Glue path of "cube1" failed back to "cube1" within 2100ms of 90s
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

  @S-06 @S-09
  Scenario: A controller that fails again soon after its failback is damped, its hold doubling per repeat
    # down 8 s, up 8 s from 30 s to 110 s: each outage is declared down; the first one fails back at once (S-06),
    # every later one comes within the damping window, so the hold grows 10 s, 20 s, 40 s and stops at the 80 s bound
    Given the fault monitor-flapping hits "cube2" at 30s for 80s every 16s
    When the simulation runs until 110s
    Then "app2" failed over 2 times and failed back 1 time
    And the running VM "app2" writes through the monitor on "cube1"
    And the monitor on "cube2", as "cube2" sees it, has 4 repeats and a hold of 80s
    When the simulation runs until 4m
    Then the running VM "app2" writes through the monitor on "cube2"
    And "app2" failed over 2 times and failed back 2 times
    And the Glue path of "cube2" failed back to "cube2" no sooner than 80s after 102s
    And the Glue path of "cube2" failed back to "cube2" within 84s of 102s
    And no write of "app2" was lost and all were acknowledged
    And no invariant is violated

  @S-09
  Scenario: The damping penalty decays while the controller stays healthy
    # two repeats (at about 48 s and 64 s); answering from about 70 s, it serves its 20 s hold, and then each whole
    # damping window (60 s) it keeps answering takes one repeat off
    Given the fault monitor-flapping hits "cube2" at 30s for 40s every 16s
    When the simulation runs until 110s
    Then the monitor on "cube2", as "cube2" sees it, has 2 repeats and a hold of 20s
    When the simulation runs until 3m
    Then the monitor on "cube2", as "cube2" sees it, has 1 repeat and a hold of 10s
    When the simulation runs until 5m
    Then the monitor on "cube2", as "cube2" sees it, has 0 repeats and a hold of 0s
    And the running VM "app2" writes through the monitor on "cube2"

  @S-10
  Scenario: After a live migration the VM's Glue I/O goes through the controller of its new host
    When "app1" is live-migrated to "cube3" at 30s
    And the simulation runs until 1m
    Then "app1" runs on "cube3"
    And the running VM "app1" writes through the monitor on "cube3"
    And "app1" runs again elsewhere than "cube1", writing through the monitor of the host it runs on
    And "app1" failed over 0 times and failed back 0 times
    And no write of "app1" was lost and all were acknowledged
    And no invariant is violated

  @S-10 @H-04
  Scenario: After an HA restart the VM's Glue I/O goes through the controller of its new host
    Given "cube1" crashes at 30s
    When the simulation runs until 2m
    Then "app1" runs again elsewhere than "cube1", writing through the monitor of the host it runs on
    And no write of "app1" was lost and all were acknowledged
    And no invariant is violated

  @S-05 @H-05
  Scenario: A storage path failover is not a host failure
    Given the fault storage-controller-down hits "cube3" at 30s for 2m
    When the simulation runs until 3m
    Then no host was fenced
    And "app3" runs on "cube3"
