Feature: CPU modes
  A VM's CPU is virtualised in one of three modes ("라이브 마이그레이션"): custom, host-model (the default) and
  host-passthrough.

  @C-01
  Scenario Outline: Each documented CPU mode is accepted
    Given a cluster specification:
      """
      vms:
        - {name: app, memory: 4GiB, vcpus: 2, cpuMode: <mode>, timeSync: ntp}
      """
    When the cluster specification is checked
    Then the specification is accepted without warnings

    Examples:
      | mode             |
      | custom           |
      | host-model       |
      | host-passthrough |

  @C-01
  Scenario: The documentation's spelling host-mode is read as host-model, with a warning naming host-model
    Given a cluster specification:
      """
      vms:
        - {name: app, memory: 4GiB, vcpus: 2, cpuMode: host-mode, timeSync: ntp}
        - {name: db, memory: 4GiB, vcpus: 2, cpuMode: host-model, timeSync: ntp}
      """
    When the cluster specification is checked
    Then the specification is accepted with a warning C-01
    And a warning C-01 at "vms[0].cpuMode" says "'host-mode' is the documentation's spelling of host-model, read as host-model; write host-model"
    And the checked VM "app" has CPU mode host-model
    And the checked VM "db" has CPU mode host-model

  @C-01
  Scenario: Any other CPU mode is refused, listing the three
    Given a cluster specification:
      """
      vms:
        - name: app
          memory: 4GiB
          vcpus: 2
          cpuMode: hybrid
      """
    When the cluster specification is checked
    Then the file is rejected as malformed at line 5 with "unknown CPU mode 'hybrid'; expected one of custom, host-model, host-passthrough"

  @C-01 @C-03
  Scenario: host-model is the default mode
    Given a cluster specification:
      """
      vms:
        - {name: app, memory: 4GiB, vcpus: 2}
      """
    When the cluster specification is checked
    Then the checked VM "app" has CPU mode host-model

  @C-01 @libvirt
  Scenario Outline: A VM is defined on a host with the CPU mode it asks for
    Given custom-mode VMs run the baseline the hypervisor of "cube1" computes for the hosts' own CPUs
    And a VM "app" with 4 GiB of memory and 2 vCPUs
    And the VM "app" uses CPU mode <mode>
    When the manager defines "app" on "cube1"
    Then the definition of "app" on "cube1" has CPU mode <mode>

    Examples:
      | mode             |
      | custom           |
      | host-model       |
      | host-passthrough |
