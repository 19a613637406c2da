Feature: Overcommit at run time and host power states
  With overcommit enabled, a hardware shortage caused by using more than the host has turns into a VM failure; the
  host keeps running ("Over Commit"). A host cannot be suspended or hibernated while VMs run on it.

  @L-08
  Scenario: Guests using more memory than the host has: one guest fails with the cause, the host and others run on
    Given a simulated cluster:
      """
      settings:
        overcommit: {memory: 1.5}
      hosts:
        - {name: cube1, cores: 16, memory: 32GiB, bmc: {address: 10.0.10.1, username: admin, passwordEnv: BMC_PASSWORD}, storageController: {monitor: "10.0.20.1:6789"}}
        - {name: cube2, cores: 16, memory: 64GiB, bmc: {address: 10.0.10.2, username: admin, passwordEnv: BMC_PASSWORD}, storageController: {monitor: "10.0.20.2:6789"}}
        - {name: cube3, cores: 16, memory: 64GiB, bmc: {address: 10.0.10.3, username: admin, passwordEnv: BMC_PASSWORD}, storageController: {monitor: "10.0.20.3:6789"}}
      vms:
        - {name: big1, host: cube1, memory: 20GiB, vcpus: 2}
        - {name: big2, host: cube1, memory: 16GiB, vcpus: 2}
        - {name: small, host: cube1, memory: 8GiB, vcpus: 2}
      """
    And the fault guest-memory-exhaustion hits "cube1" at 30s
    When the simulation runs until 35s
    Then the domain "big1" on "cube1" is CRASHED with a reason containing "out of host memory"
    And the domain "big1" on "cube1" is CRASHED with a reason containing "L-08"
    And "big2" runs on "cube1"
    And "small" runs on "cube1"
    And the host "cube1" is still up
    And no invariant is violated

  @L-09
  Scenario: A simulated host with running VMs refuses to suspend, naming them
    Given a simulated cluster of 3 HCI hosts with 2 HA VMs each
    When the simulation runs until 5s
    And the host "cube2" is asked to suspend on the simulator
    Then the host's answer refuses and names "vm-2-1" and "vm-2-2"
