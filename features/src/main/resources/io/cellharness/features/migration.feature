Feature: Live migration
  A live migration ("라이브 마이그레이션") copies the VM's memory, and its disk data when the storage is not
  shared, to the target host over the management network on port 49152, and then moves the VM. How long it takes
  depends on the management network's bandwidth: 10 Gb/s or more is recommended and 1 Gb/s is flagged as slow. A
  guest that dirties memory faster than the network can send it does not converge. CPU eligibility is checked
  first. These scenarios use the pre-copy model and the planner that `cell migrate-plan` uses.

  @G-03
  Scenario: A 64 GiB VM with a high dirty rate does not converge on 1 Gb/s, while on 10 Gb/s it does
    Given a VM with 64 GiB of memory that dirties 500 MiB/s
    When its live migration is predicted at 1 Gb/s
    Then it does not converge and is aborted, the VM staying on the source
    And the network is flagged as slow
    And the advice says "the management network gives 1 Gb/s; migration over it is slow, 10 Gb/s or more is recommended"
    And the advice says "the guest dirties memory (500 MiB/s) at least as fast as the network sends it (119.2 MiB/s)"
    When its live migration is predicted at 10 Gb/s
    Then it converges
    And the network is not flagged as slow

  @G-03
  Scenario Outline: Migration time depends on the management network's bandwidth
    Given a VM with 64 GiB of memory that dirties 0 MiB/s
    When its live migration is predicted at <bandwidth> Gb/s
    Then it converges
    And it takes "<duration>"

    Examples:
      | bandwidth | duration |
      | 1         | 549.8 s  |
      | 10        | 55.0 s   |
      | 25        | 22.0 s   |

  @G-03
  Scenario: A migration that does not converge finishes by the configured fallback
    Given a VM with 64 GiB of memory that dirties 500 MiB/s
    And the migration fallback is suspend after 5 passes
    When its live migration is predicted at 1 Gb/s
    Then it does not converge and the fallback pauses the guest for 549756 ms to finish
    And the advice says "the suspend fallback pauses the guest for 549756 ms to finish, above the 300 ms limit"

  @G-03
  Scenario: Auto-converge throttles the guest until the migration converges
    Given a VM with 64 GiB of memory that dirties 400 MiB/s
    And auto-converge is on
    When its live migration is predicted at 2.5 Gb/s
    Then it converges
    And the network is flagged as slow

  @G-01
  Scenario: On shared storage a migration copies the memory only
    Given a host "cube1" with CPU Haswell
    And a host "cube2" with CPU Haswell
    And a VM "web" with 8 GiB of memory and 2 vCPUs
    And the VM "web" has 1 virtio-blk disk
    And the VM "web" is placed on "cube1"
    When "web" is planned to migrate to "cube2"
    Then the migration copies the memory only
    And it sends 8 GiB of memory

  @G-01
  Scenario: When the storage is not shared the disk data is copied too
    Given a host "cube1" with CPU Haswell
    And a host "cube2" with CPU Haswell
    And a VM "web" with 8 GiB of memory and 2 vCPUs
    And the VM "web" has a local disk of 100 GiB
    And the VM "web" is placed on "cube1"
    When "web" is planned to migrate to "cube2"
    Then the migration copies 100 GiB of disk data before the memory
    And it sends 8 GiB of memory
    And the advice says "G-01: storage is not shared, so 102400 MiB of disk data is copied before memory"

  @G-01 @G-02 @libvirt
  Scenario: A running VM moves live to the other host over port 49152 and runs throughout the copy
    Given a VM "migrant" with 256 MiB of memory and 1 vCPU
    And the manager defines "migrant" on "cube1"
    And "migrant" starts on "cube1"
    When the manager migrates "migrant" live to "cube2"
    Then "migrant" runs on "cube2" and "cube1" no longer has it
    And "migrant" ran while its memory was copied and paused only for the switch-over
    And the migration stream reached "cube2" on port 49152

  @G-02
  Scenario: Migration traffic goes over the management network: the plan runs at its bandwidth, not the VM bond's
    Given a host "cube1" with CPU Haswell
    And a host "cube2" with CPU Haswell
    And the host "cube1" has the NICs "eno1, eno2" of 1 Gb/s
    And the host "cube1" has the NICs "eno3, eno4" of 25 Gb/s
    And the host "cube1" bonds "eno1, eno2" as "bond-MGMT" in active-backup mode
    And the host "cube1" bonds "eno3, eno4" as "bond-VM" in 802.3ad mode
    And the host "cube2" has the NICs "eno1, eno2" of 1 Gb/s
    And the host "cube2" has the NICs "eno3, eno4" of 25 Gb/s
    And the host "cube2" bonds "eno1, eno2" as "bond-MGMT" in active-backup mode
    And the host "cube2" bonds "eno3, eno4" as "bond-VM" in 802.3ad mode
    And a VM "web" with 8 GiB of memory and 2 vCPUs
    And the VM "web" is placed on "cube1"
    When "web" is planned to migrate to "cube2"
    Then it runs at 1 Gb/s, the bandwidth of the management network
    And the network is flagged as slow

  @G-04 @C-06
  Scenario: The plan checks CPU eligibility first
    Given a host "cube1" with CPU Skylake-Server
    And a host "cube2" with CPU Haswell
    And the host "cube2" has the NICs "eno1" of 1 Gb/s
    And the host "cube2" bonds "eno1" as "bond-MGMT" in 802.3ad mode
    And the switch of "cube2" does not support LACP
    And a VM "db" with 16 GiB of memory and 4 vCPUs
    And the VM "db" uses CPU mode host-passthrough
    And the VM "db" is placed on "cube1"
    When "db" is planned to migrate to "cube2"
    Then the migration is refused by C-02 before anything is copied
    And the reason says "host-passthrough VM sees the CPU Skylake-Server and the cluster's CPUs are not all the same: cube2 has Haswell"

  @G-04
  Scenario: Once the CPU rules allow it, the target must have room for the VM
    Given a host "cube1" with CPU Haswell
    And a host "small" with 8 cores and 8 GiB of memory
    And the host "small" has CPU Haswell
    And a VM "db" with 16 GiB of memory and 4 vCPUs
    And the VM "db" is placed on "cube1"
    When "db" is planned to migrate to "small"
    Then the migration is refused by L-07 before anything is copied
    And the reason says "target small has no room"
