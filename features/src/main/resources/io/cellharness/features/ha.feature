Feature: Host high availability
  Every host runs a Cell HA helper that checks, through libvirt, that storage is reachable and its VMs run, and asks
  its neighbour hosts to check it too. When a host fails its neighbours notice and tell Mold, which fences the host
  with an IPMI power command and restarts its VMs on other hosts ("고가용성"). These scenarios run the HA engine on
  the simulator, with the safety invariants checked after every event.

  @H-01 @H-02 @H-03 @H-04 @H-06 @H-08
  Scenario: A crashed host is fenced and its HA VMs run again elsewhere within the bound
    Given a simulated cluster of 4 HCI hosts with 3 HA VMs each
    And "cube2" crashes at 30s
    When the simulation runs until 2m
    Then the manager saw "cube2" go through "UP -> SUSPECT -> CHECKING -> FENCING -> FENCED -> RECOVERING -> RECOVERED"
    And "cube2" was fenced with its power read back as off
    And every HA VM of "cube2" runs again within 60s of its failure
    And no power-off was ever sent to "cube1"
    And no invariant is violated

  @H-01
  Scenario: The helper's heartbeat reports a hung libvirt; the host is degraded, not fenced, and its VMs run on
    Given a simulated cluster of 3 HCI hosts with 2 HA VMs each
    And the fault libvirtd-hang hits "cube1" at 20s for 1m
    When the simulation runs until 50s
    Then the manager holds "cube1" as DEGRADED
    And an alert says "libvirt on cube1 does not answer; its VMs are left running"
    When the simulation runs until 2m
    Then the manager holds "cube1" as UP
    And no power-off was ever sent to "cube1"
    And "vm-1-1" runs on "cube1"

  @H-02 @H-03
  Scenario: A host that stops asking its neighbours to check it is reported by them with their evidence
    Given a simulated cluster of 4 HCI hosts with 1 HA VMs each
    And the hosts "cube3" are cut off the management network at 20s for 30s
    When the simulation runs until 40s
    Then a neighbour of "cube3" reported it to the manager, saying "no answer to a probe"
    And the manager saw "cube3" go through "UP -> SUSPECT"
    And no invariant is violated

  @H-04 @H-08
  Scenario: HA VMs restart in restart-priority order, high first
    Given a simulated cluster:
      """
      hosts:
        - {name: cube1, cores: 32, memory: 256GiB, bmc: {address: 10.0.10.1, username: admin, passwordEnv: BMC_PASSWORD}, storageController: {monitor: "10.0.20.1:6789"}}
        - {name: cube2, cores: 32, memory: 256GiB, bmc: {address: 10.0.10.2, username: admin, passwordEnv: BMC_PASSWORD}, storageController: {monitor: "10.0.20.2:6789"}}
        - {name: cube3, cores: 32, memory: 256GiB, bmc: {address: 10.0.10.3, username: admin, passwordEnv: BMC_PASSWORD}, storageController: {monitor: "10.0.20.3:6789"}}
      vms:
        - {name: batch, host: cube1, memory: 32GiB, vcpus: 4, ha: {enabled: true, priority: low}}
        - {name: web,   host: cube1, memory: 8GiB,  vcpus: 2, ha: {enabled: true, priority: medium}}
        - {name: db,    host: cube1, memory: 16GiB, vcpus: 4, ha: {enabled: true, priority: high}}
        - {name: cache, host: cube1, memory: 4GiB,  vcpus: 1, ha: {enabled: true, priority: high}}
        - {name: scratch, host: cube1, memory: 4GiB, vcpus: 1}
      """
    And "cube1" crashes at 20s
    When the simulation runs until 90s
    Then the HA VMs of "cube1" were restarted in this order:
      | db    |
      | cache |
      | web   |
      | batch |
    And "scratch" does not run anywhere
    And an alert says "VM scratch was on cube1 and is not HA; it stays stopped"
    And no invariant is violated

  @H-04 @L-07
  Scenario: HA VMs that fit nowhere are reported, not dropped, and restart when capacity returns
    Given a simulated cluster:
      """
      hosts:
        - {name: small1, cores: 8, memory: 48GiB, bmc: {address: 10.0.10.1, username: admin, passwordEnv: BMC_PASSWORD}, storageController: {monitor: "10.0.20.1:6789"}}
        - {name: small2, cores: 8, memory: 48GiB, bmc: {address: 10.0.10.2, username: admin, passwordEnv: BMC_PASSWORD}, storageController: {monitor: "10.0.20.2:6789"}}
        - {name: small3, cores: 8, memory: 48GiB, bmc: {address: 10.0.10.3, username: admin, passwordEnv: BMC_PASSWORD}, storageController: {monitor: "10.0.20.3:6789"}}
      vms:
        - {name: keep1, host: small1, memory: 24GiB, vcpus: 2, ha: {enabled: true, priority: high}}
        - {name: keep3, host: small3, memory: 24GiB, vcpus: 2, ha: {enabled: true, priority: high}}
        - {name: big,   host: small2, memory: 32GiB, vcpus: 2, ha: {enabled: true, priority: low}}
        - {name: small, host: small2, memory: 8GiB,  vcpus: 2, ha: {enabled: true, priority: high}}
      """
    And "small2" crashes at 20s
    When the simulation runs until 60s
    Then "small" runs exactly once
    And "big" is reported as fitting no host
    And an alert says "memory: needs 32GiB"
    When the faults heal and the cluster runs quietly
    Then "big" runs exactly once
    And every invariant and liveness check held

  @H-05
  Scenario Outline: The same HA architecture whatever the storage: <storage>
    Given a simulated cluster:
      """
      hosts:
        - {name: cube1, cores: 16, memory: 128GiB, bmc: {address: 10.0.10.1, username: admin, passwordEnv: BMC_PASSWORD} <controller1>}
        - {name: cube2, cores: 16, memory: 128GiB, bmc: {address: 10.0.10.2, username: admin, passwordEnv: BMC_PASSWORD} <controller2>}
        - {name: cube3, cores: 16, memory: 128GiB, bmc: {address: 10.0.10.3, username: admin, passwordEnv: BMC_PASSWORD} <controller3>}
      vms:
        - {name: app, host: cube2, memory: 8GiB, vcpus: 2, ha: {enabled: true}, disks: [{storage: <storage>, volume: "<volume>", size: 20GiB}]}
      """
    And "cube2" crashes at 20s
    When the simulation runs until 90s
    Then "cube2" was fenced with its power read back as off
    And "app" runs exactly once
    And no invariant is violated

    Examples:
      | storage  | volume                           | controller1                                   | controller2                                   | controller3                                   |
      | glue-rbd | rbd/app                          | , storageController: {monitor: "10.0.20.1:6789"} | , storageController: {monitor: "10.0.20.2:6789"} | , storageController: {monitor: "10.0.20.3:6789"} |
      | iscsi    | iqn.2024-01.io.example:store/1   |                                               |                                               |                                               |
      | nfs      | nas1:/export/vm/app.img          |                                               |                                               |                                               |

  @H-06 @H-09
  Scenario: A host whose BMC is dead is never fenced by guesswork; its lease expiring is the second channel
    Given a simulated cluster of 4 HCI hosts with 3 HA VMs each
    And the fault bmc-unreachable hits "cube3" at 10s for 10m
    And "cube3" crashes at 30s
    When the simulation runs until 2m
    Then an alert says "did not answer power off"
    And "cube3" was fenced by its lease expiring
    And every HA VM of "cube3" runs again within 60s of its failure
    And no invariant is violated

  @H-06
  Scenario: A BMC that says "done" without acting is caught by the power read-back
    Given a simulated cluster of 4 HCI hosts with 3 HA VMs each
    And the fault bmc-command-lost hits "cube4" at 20s
    And "cube4" crashes at 30s
    When the simulation runs until 2m
    Then an alert says "power read back as ON"
    And "cube4" was fenced with its power read back as off
    And no invariant is violated

  @H-06
  Scenario: The simulator catches an unsafe setting: a lease shorter than the hosts' watchdog runs a VM twice
    Given a simulated cluster of 4 HCI hosts with 3 HA VMs each
    And the HA lease timeout is 2s
    And the fault bmc-unreachable hits "cube1" at 10s for 5m
    And the hosts "cube1" are cut off the management network at 30s for 1m
    And the hosts "cube1" are cut off the storage network at 30s for 1m
    When the simulation runs until 90s
    Then the safety invariant "restart-only-after-fence" is violated

  @H-07
  Scenario: A host cut off from management but alive on storage is isolated, not fenced; its VMs keep running
    Given a simulated cluster of 4 HCI hosts with 3 HA VMs each
    And the hosts "cube1" are cut off the management network at 30s for 2m
    When the simulation runs until 1m
    Then the manager holds "cube1" as ISOLATED
    And an alert says "cube1 is cut off from the management network but alive on storage"
    When the simulation runs until 4m
    Then no power-off was ever sent to "cube1"
    And "vm-1-1" runs on "cube1"
    And the manager holds "cube1" as UP
    And no invariant is violated

  @H-07 @H-06
  Scenario: A host cut off from both management and storage resets itself before its lease expires
    Given a simulated cluster of 4 HCI hosts with 3 HA VMs each
    And the fault bmc-unreachable hits "cube2" at 10s for 5m
    And the hosts "cube2" are cut off the management network at 30s for 2m
    And the hosts "cube2" are cut off the storage network at 30s for 2m
    When the simulation runs until 2m
    Then "cube2" was fenced by its lease expiring
    And every HA VM of "cube2" runs again within 60s of its failure
    And no invariant is violated

  @H-10
  Scenario: When half the hosts vanish at once nothing is fenced automatically
    Given a simulated cluster of 4 HCI hosts with 2 HA VMs each
    And the hosts "cube1, cube2" are cut off the management network at 30s for 1m
    When the simulation runs until 3m
    Then an alert says "mass-failure guard"
    And no host was fenced
    And "vm-1-1" runs on "cube1"
    And no invariant is violated

  @H-08 @H-06
  Scenario: Random faults on many seeds never break safety and HA VMs run again once healthy
    When random fault profiles run on 5 hosts with 20 VMs for 6m, seeds 1 to 12
    Then on every seed every invariant and liveness check held

  @H-08
  Scenario: On many seeds, a crashed host's HA VMs run again elsewhere within the documented bound
    When on each seed 1 to 16 one of 4 HCI hosts with 3 HA VMs each crashes at a time drawn from the seed
    Then on every seed the crashed host's HA VMs ran again elsewhere, once each, within 60s of the crash
