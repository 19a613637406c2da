Feature: MAC addresses
  A NIC without an explicit MAC gets one from the manager (Mold), which keeps every MAC of the cluster unique
  ("MAC 주소"). Uniqueness is property-tested over 100,000 allocations in MacAllocatorTest; these scenarios show
  the behaviour a user sees.

  @M-01
  Scenario: NICs without a MAC get unique, locally administered MACs
    Given 20 VMs with 4 NICs each and no explicit MACs
    When the manager assigns the missing MACs
    Then every NIC has a locally administered unicast MAC
    And all 80 MACs of the cluster are different

  @M-01
  Scenario: MACs stay unique after a manager restart and after VMs are destroyed and recreated
    Given 10 VMs with 2 NICs each and no explicit MACs
    When the manager assigns the missing MACs
    And the manager restarts and rebuilds its view from the specifications
    And the VMs "vm0" and "vm1" are destroyed
    Given 12 VMs with 2 NICs each and no explicit MACs
    When the manager assigns the missing MACs
    Then all 40 MACs of the cluster are different

  @M-01 @libvirt
  Scenario: The MACs a host's hypervisor reports are the ones the manager assigned before defining the VM
    Given a VM "web" with 1 GiB of memory and 1 vCPU
    And the VM "web" has 2 virtio NICs
    When the manager defines "web" on "cube1"
    Then every NIC of "web" on "cube1" has the MAC the manager assigned, a locally administered one

  @M-02
  Scenario: An explicit MAC that duplicates another NIC's is rejected, naming both NICs
    Given a VM "web" with 1 GiB of memory and 1 vCPU
    And the VM "web" has a NIC with MAC "02:00:00:00:00:01"
    And a VM "db" with 1 GiB of memory and 1 vCPU
    And the VM "db" has 1 virtio NIC
    And the VM "db" has a NIC with MAC "02:00:00:00:00:01"
    When the cluster specification is checked
    Then it is refused with exactly these problems:
      | id   | path              | value             |
      | M-02 | vms[1].nics[1].mac | 02:00:00:00:00:01 |
    And the error message says "duplicates the MAC of vms[0].nics[0].mac (web)"
