Feature: Bond failures in a running cluster
  When the active adapter of an active-backup bond fails, another adapter of the bond becomes active ("본드",
  "업링크 로드밸런싱"): the host keeps its network, so HA sees nothing wrong.

  @N-07 @N-05
  Scenario: A failed management bond slave does not make HA suspect the host; losing both slaves does
    Given a simulated cluster:
      """
      hosts:
        - {name: cube1, cores: 16, memory: 128GiB, bmc: {address: 10.0.10.1, username: admin, passwordEnv: BMC_PASSWORD}, storageController: {monitor: "10.0.20.1:6789"}, nics: [{name: eno1}, {name: eno2}], bonds: [{name: bond-MGMT, mode: active-backup, slaves: [eno1, eno2], bridge: br-MGMT}]}
        - {name: cube2, cores: 16, memory: 128GiB, bmc: {address: 10.0.10.2, username: admin, passwordEnv: BMC_PASSWORD}, storageController: {monitor: "10.0.20.2:6789"}}
        - {name: cube3, cores: 16, memory: 128GiB, bmc: {address: 10.0.10.3, username: admin, passwordEnv: BMC_PASSWORD}, storageController: {monitor: "10.0.20.3:6789"}}
      vms:
        - {name: app, host: cube1, memory: 8GiB, vcpus: 2, ha: {enabled: true}}
      """
    And the NIC "eno1" of "cube1" goes down at 20s for 4m
    And the NIC "eno2" of "cube1" goes down at 3m for 1m
    When the simulation runs until 2m
    Then the manager holds "cube1" as UP
    And "app" runs on "cube1"
    When the simulation runs until 210s
    Then the manager holds "cube1" as ISOLATED
    And no power-off was ever sent to "cube1"
    And no invariant is violated
