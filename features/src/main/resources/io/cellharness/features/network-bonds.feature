Feature: Bonds
  Host NICs are bonded ("본딩"): bonds are named bond-*, the management bond is bond-MGMT. The documented modes
  are round-robin (alternates slaves; one NIC's bandwidth), active-backup (the default; one active slave; one
  NIC's bandwidth), balance-xor (a destination MAC always uses the same slave, chosen by XOR of source and
  destination MAC), broadcast (every slave carries every frame) and 802.3ad LACP (needs switch support; two NICs'
  bandwidth). When the active slave of an active-backup bond fails, another takes over and connectivity is kept.

  Background:
    Given a host "cube1" with the NICs "eno1, eno2, eno3, eno4" of 10 Gb/s
    And a host "cube2" with the NICs "eno1, eno2, eno3, eno4" of 10 Gb/s
    And every host bonds "eno1, eno2" as "bond-MGMT" in active-backup mode

  @N-05
  Scenario: Bonds named bond-* with bond-MGMT for management are accepted
    Given a cluster specification:
      """
      hosts:
        - name: cube1
          cores: 32
          memory: 256GiB
          nics: [{name: eno1}, {name: eno2}, {name: eno3}, {name: eno4}]
          bonds:
            - {name: bond-MGMT, slaves: [eno1, eno2]}
            - {name: bond-VM, slaves: [eno3, eno4]}
      """
    When the cluster specification is checked
    Then the specification is accepted without warnings

  @N-05
  Scenario: A bond not named bond-*, or a management bond not named bond-MGMT, is refused
    Given a cluster specification:
      """
      hosts:
        - name: cube1
          cores: 32
          memory: 256GiB
          nics: [{name: eno1}, {name: eno2}, {name: eno3}, {name: eno4}]
          bonds:
            - {name: bond-mgmt, slaves: [eno1, eno2], bridge: br-MGMT}
            - {name: bond0, slaves: [eno3, eno4], bridge: br-VM}
      """
    When the cluster specification is checked
    Then it is refused with exactly these problems:
      | id   | path                   | value     |
      | N-05 | hosts[0].bonds[0].name | bond-mgmt |
      | N-05 | hosts[0].bonds[1].name | bond0     |
    And the error message says "the bond uplinking br-MGMT must be named bond-MGMT, not bond-mgmt (N-05)"
    And the error message says "bond 'bond0' must be named bond-<name>, e.g. bond-VM"

  @N-06
  Scenario: round-robin alternates the slaves
    Given every host bonds "eno3, eno4" as "bond-VM" in round-robin mode
    And a VM "a" with MAC "02:00:00:00:00:01" on "br-VM" placed on "cube1"
    And a VM "b" with MAC "02:00:00:00:00:02" on "br-VM" placed on "cube2"
    When the cluster network is brought up
    And 4 frames go from "a" to "b"
    Then they leave by "eno3, eno4, eno3, eno4"

  @N-06
  Scenario: active-backup sends everything through the active slave
    Given every host bonds "eno3, eno4" as "bond-VM" in active-backup mode
    And a VM "a" with MAC "02:00:00:00:00:01" on "br-VM" placed on "cube1"
    And a VM "b" with MAC "02:00:00:00:00:02" on "br-VM" placed on "cube2"
    When the cluster network is brought up
    And 4 frames go from "a" to "b"
    Then they leave by "eno3, eno3, eno3, eno3"
    And the active slave of "bond-VM" on "cube1" is "eno3"

  @N-06
  Scenario Outline: <mode> sends one destination MAC always through the slave the XOR of the MACs picks
    Given every host bonds "eno3, eno4" as "bond-VM" in <mode> mode
    And a VM "a" with MAC "02:00:00:00:00:01" on "br-VM" placed on "cube1"
    And a VM "b" with MAC "02:00:00:00:00:02" on "br-VM" placed on "cube2"
    And a VM "c" with MAC "02:00:00:00:00:03" on "br-VM" placed on "cube2"
    When the cluster network is brought up
    # 01 XOR 02 = 03 and 01 XOR 03 = 02 (XOR the frame type 0x0800, modulo 2 slaves): odd takes the second slave
    And 3 frames go from "a" to "b"
    Then they leave by "eno4, eno4, eno4"
    When 3 frames go from "a" to "c"
    Then they leave by "eno3, eno3, eno3"

    Examples:
      | mode        |
      | balance-xor |
      | 802.3ad     |

  @N-06
  Scenario: broadcast sends every frame through every slave
    Given every host bonds "eno3, eno4" as "bond-VM" in broadcast mode
    And a VM "a" with MAC "02:00:00:00:00:01" on "br-VM" placed on "cube1"
    And a VM "b" with MAC "02:00:00:00:00:02" on "br-VM" placed on "cube2"
    When the cluster network is brought up
    And 2 frames go from "a" to "b"
    Then they leave by "eno3+eno4, eno3+eno4"

  @N-06
  Scenario Outline: A bond of two 10 Gb/s NICs in <mode> mode carries <throughput> Gb/s
    Given every host bonds "eno3, eno4" as "bond-VM" in <mode> mode
    When the cluster network is brought up
    Then "bond-VM" of "cube1" carries <throughput> Gb/s

    Examples:
      | mode          | throughput |
      | round-robin   | 10         |
      | active-backup | 10         |
      | balance-xor   | 10         |
      | broadcast     | 10         |
      | 802.3ad       | 20         |

  @N-07
  Scenario: When the active slave of an active-backup bond fails, another takes over and connectivity is kept
    Given every host bonds "eno3, eno4" as "bond-VM" in active-backup mode
    And a VM "a" with MAC "02:00:00:00:00:01" on "br-VM" placed on "cube1"
    And a VM "b" with MAC "02:00:00:00:00:02" on "br-VM" placed on "cube2"
    When the cluster network is brought up
    Then "a" reaches "b" through "cube1 bond-VM(eno3)"
    When the NIC "eno3" of "cube1" goes down
    Then the active slave of "bond-VM" on "cube1" is "eno4"
    And "a" reaches "b" through "cube1 bond-VM(eno4)"
    And "bond-VM" of "cube1" carries 10 Gb/s
    When the NIC "eno3" of "cube1" comes back
    Then the active slave of "bond-VM" on "cube1" is "eno4"
    When the NIC "eno4" of "cube1" goes down
    Then the active slave of "bond-VM" on "cube1" is "eno3"
    And "a" reaches "b" through "cube1 bond-VM(eno3)"

  @N-07
  Scenario: When every slave has failed the host is cut off, and says why
    Given every host bonds "eno3, eno4" as "bond-VM" in active-backup mode
    And a VM "a" with MAC "02:00:00:00:00:01" on "br-VM" placed on "cube1"
    And a VM "b" with MAC "02:00:00:00:00:02" on "br-VM" placed on "cube2"
    When the cluster network is brought up
    And the NIC "eno3" of "cube1" goes down
    And the NIC "eno4" of "cube1" goes down
    Then "a" cannot reach "b" (N-07)
    And the reason is "bond-VM has no live slave (eno3, eno4 down)"

  @N-07
  Scenario: 802.3ad without switch support is refused
    Given every host bonds "eno3, eno4" as "bond-VM" in 802.3ad mode
    And the switch of "cube2" does not support LACP
    When the cluster network is brought up
    Then the network of "cube2" is refused (N-07): "bond-VM uses 802.3ad (LACP), which needs link aggregation configured on the switch; this switch does not support it"
    And "bond-VM" of "cube1" carries 20 Gb/s

  @N-07
  Scenario: A cluster file that puts an 802.3ad bond on a switch without LACP is refused
    Given a cluster specification:
      """
      hosts:
        - name: cube1
          cores: 32
          memory: 256GiB
          nics: [{name: eno1}, {name: eno2}]
          bonds: [{name: bond-MGMT, mode: 802.3ad, slaves: [eno1, eno2]}]
          switchLacp: false
      """
    When the cluster specification is checked
    Then it is refused with exactly these problems:
      | id   | path                   | value   |
      | N-07 | hosts[0].bonds[0].mode | 802.3ad |
