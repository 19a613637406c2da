Feature: CPU compatibility of live migration
  The documentation ("라이브 마이그레이션", CPU 모드) lets a VM move only to a host that can run its CPU:
  host-passthrough gives the host CPU as it is and moves only "when the CPUs that make up the cluster are all the
  same model": in a mixed cluster it does not move at all, even toward an identical host; host-model, the default,
  moves to any host offering every feature the VM was started with; custom runs the baseline of the cluster's
  hosts. With the cluster option "CPU generation compatibility" every VM runs the oldest generation present and
  may move anywhere. A migration the rules forbid is refused before anything is copied, with the reason.

  @C-02
  Scenario: host-passthrough migrates between hosts of the identical CPU
    Given a host "cube1" with CPU Icelake-Server
    And a host "cube2" with CPU Icelake-Server
    And a VM "db" with 16 GiB of memory and 4 vCPUs
    And the VM "db" uses CPU mode host-passthrough
    And the VM "db" is placed on "cube1"
    Then the VM "db" sees exactly the CPU of "cube1"
    When "db" is planned to migrate to "cube2"
    Then the migration is allowed by C-02
    And the CPU note says "identical"

  @C-02 @C-06
  Scenario: host-passthrough to another CPU model is refused, naming the host that differs and its model
    Given a host "cube1" with CPU Icelake-Server
    And a host "cube2" with CPU Cascadelake-Server
    And a VM "db" with 16 GiB of memory and 4 vCPUs
    And the VM "db" uses CPU mode host-passthrough
    And the VM "db" is placed on "cube1"
    When "db" is planned to migrate to "cube2"
    Then the migration is refused by C-02 before anything is copied
    And the reason says "host-passthrough VM sees the CPU Icelake-Server and the cluster's CPUs are not all the same: cube2 has Cascadelake-Server; host-passthrough live-migrates only when every host of the cluster has the same CPU model and feature set"

  @C-02 @C-06
  Scenario Outline: host-passthrough to the same model with another feature set is refused, naming the feature
    Given a host "cube1" with CPU Haswell plus "<source extras>"
    And a host "cube2" with CPU Haswell plus "<target extras>"
    And a VM "db" with 16 GiB of memory and 4 vCPUs
    And the VM "db" uses CPU mode host-passthrough
    And the VM "db" is placed on "cube1"
    When "db" is planned to migrate to "cube2"
    Then the migration is refused by C-02 before anything is copied
    And the reason says "<reason>"

    Examples:
      | source extras | target extras | reason                                                                          |
      | vmx           |               | the cluster's CPUs are not all the same: cube2 has Haswell without vmx;          |
      |               | avx512f       | the cluster's CPUs are not all the same: cube2 has Haswell with avx512f too;     |

  @C-02
  Scenario: In a mixed cluster host-passthrough is refused even toward an identical host, naming the hosts that differ
    Given the hosts:
      | host  | vendor | model              | features |
      | cube1 | intel  | Icelake-Server     | vmx      |
      | cube2 | intel  | Icelake-Server     | vmx      |
      | cube3 | intel  | Cascadelake-Server | vmx      |
      | cube4 | intel  | Icelake-Server     |          |
    And a VM "db" with 16 GiB of memory and 4 vCPUs
    And the VM "db" uses CPU mode host-passthrough
    And the VM "db" is placed on "cube1"
    When "db" is planned to migrate to "cube2"
    Then the migration is refused by C-02 before anything is copied
    And the reason says "the cluster's CPUs are not all the same: cube3 has Cascadelake-Server; cube4 has Icelake-Server without vmx;"
    And the reason does not mention "cube1"
    And the reason does not mention "cube2"
    When the host "cube3" has CPU Icelake-Server plus "vmx"
    And the host "cube4" has CPU Icelake-Server plus "vmx"
    And "db" is planned to migrate to "cube2"
    Then the migration is allowed by C-02

  @C-03
  Scenario: host-model migrates to a host that offers every feature the VM was started with
    Given a host "cube1" with CPU Haswell
    And a host "cube2" with CPU Broadwell
    And a VM "web" with 8 GiB of memory and 2 vCPUs
    And the VM "web" uses CPU mode host-model
    And the VM "web" is placed on "cube1"
    Then the VM "web" runs the CPU model Haswell by C-03
    When "web" is planned to migrate to "cube2"
    Then the migration is allowed by C-03
    And the CPU note says "the target Broadwell offers every feature the VM has; libvirt adjusts the feature set"

  @C-03 @C-06
  Scenario: host-model to a host lacking a feature the VM was started with is refused, naming the feature
    Given a host "cube1" with CPU Haswell plus "vmx"
    And a host "cube2" with CPU Haswell
    And a VM "web" with 8 GiB of memory and 2 vCPUs
    And the VM "web" is placed on "cube1"
    When "web" is planned to migrate to "cube2"
    Then the migration is refused by C-03 before anything is copied
    And the reason says "target host CPU Haswell lacks 1 feature the VM was started with (host-model Haswell): vmx"

  @C-04
  Scenario: custom mode runs the baseline of a cluster of mixed generations
    Given the hosts:
      | host  | vendor | model              | features |
      | cube1 | intel  | Icelake-Server     | vmx      |
      | cube2 | intel  | Cascadelake-Server | vmx      |
      | cube3 | intel  | Broadwell          | vmx      |
    And a VM "app" with 8 GiB of memory and 2 vCPUs
    And the VM "app" uses CPU mode custom
    And the VM "app" is placed on "cube1"
    Then the cluster's baseline CPU is Broadwell
    And the baseline also requires "vmx"
    And the VM "app" runs the CPU model Broadwell by C-04
    And "app" may migrate to every other host of the cluster by C-04

  @C-04
  Scenario: Hosts of two vendors have no baseline, so a custom-mode VM cannot be defined
    Given a cluster specification:
      """
      hosts:
        - {name: cube1, cores: 32, memory: 256GiB, cpu: {vendor: intel, model: Haswell}}
        - {name: cube2, cores: 32, memory: 256GiB, cpu: {vendor: amd, model: EPYC}}
      vms:
        - {name: app, memory: 4GiB, vcpus: 2, cpuMode: custom, timeSync: ntp}
      """
    When the cluster specification is checked
    Then it is refused with exactly these problems:
      | id   | path             | value  |
      | C-04 | vms[0].cpuMode   | custom |
    And the error message says "CPU vendors do not match"

  @C-04 @libvirt
  Scenario: custom mode runs the baseline a host's hypervisor computes, the lowest common model and features
    Given a VM "app" with 4 GiB of memory and 2 vCPUs
    And the VM "app" uses CPU mode custom
    When the hypervisor of "cube1" computes the baseline of the CPUs Skylake-Server and Broadwell
    Then the baseline is a Broadwell model without "avx512f"
    When the manager defines "app" on "cube1" with that baseline
    Then the definition of "app" on "cube1" runs that baseline as its custom CPU

  @C-05
  Scenario: With generation compatibility on, every VM runs the oldest generation and may migrate anywhere
    Given the hosts:
      | host  | vendor | model              | features |
      | cube1 | intel  | Icelake-Server     |          |
      | cube2 | intel  | Cascadelake-Server |          |
      | cube3 | intel  | Skylake-Server     |          |
    And CPU generation compatibility is on
    And a VM "db" with 16 GiB of memory and 4 vCPUs
    And the VM "db" uses CPU mode host-passthrough
    And the VM "db" is placed on "cube1"
    And a VM "web" with 8 GiB of memory and 2 vCPUs
    And the VM "web" uses CPU mode host-model
    And the VM "web" is placed on "cube1"
    Then the oldest generation of the cluster is Skylake-Server
    And the VM "db" runs the CPU model Skylake-Server by C-05
    And the VM "web" runs the CPU model Skylake-Server by C-05
    And the VM "db" is defined with CPU mode custom
    And "db" may migrate to every other host of the cluster by C-05
    And "web" may migrate to every other host of the cluster by C-05

  @C-05 @C-02 @C-03
  Scenario: With generation compatibility off, the VM's own mode decides
    Given the hosts:
      | host  | vendor | model              | features |
      | cube1 | intel  | Icelake-Server     |          |
      | cube2 | intel  | Cascadelake-Server |          |
    And CPU generation compatibility is off
    And a VM "db" with 16 GiB of memory and 4 vCPUs
    And the VM "db" uses CPU mode host-passthrough
    And the VM "db" is placed on "cube1"
    And a VM "web" with 8 GiB of memory and 2 vCPUs
    And the VM "web" uses CPU mode host-model
    And the VM "web" is placed on "cube1"
    When "db" is planned to migrate to "cube2"
    Then the migration is refused by C-02 before anything is copied
    When "web" is planned to migrate to "cube2"
    Then the migration is refused by C-03 before anything is copied
    And the reason says "target host CPU Cascadelake-Server lacks"

  @C-06 @G-04
  Scenario: The CPU refusal comes before any other check and names what differs
    Given a host "cube1" with CPU Skylake-Server
    And a host "small" with 8 cores and 8 GiB of memory
    And the host "small" has CPU Skylake-Client
    And a VM "db" with 64 GiB of memory and 4 vCPUs
    And the VM "db" is placed on "cube1"
    When "db" is planned to migrate to "small"
    Then the migration is refused by C-03 before anything is copied
    And the reason says "target host CPU Skylake-Client lacks"
    And the reason says "avx512f"
