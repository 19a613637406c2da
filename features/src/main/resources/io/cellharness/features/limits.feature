Feature: Configuration limits and overcommit
  The Cell documentation ("Cell 제한 사항") states the largest VM and host it was tested with, and how CPU,
  memory and disk may be overcommitted. A specification beyond a limit is refused with the field, the value,
  the limit and the catalogue ID; everything within is accepted.

  @L-01
  Scenario: 16 TiB is the most memory a VM may have
    Given a VM "big" with 16 TiB of memory and 2 vCPUs
    When the cluster specification is checked
    Then the specification is accepted

  @L-01
  Scenario: A VM with more than 16 TiB of memory is refused, naming field, value and limit
    Given a VM "big" with 16 TiB + 1 MiB of memory and 2 vCPUs
    When the cluster specification is checked
    Then it is refused with exactly these problems:
      | id   | path          | value       | limit |
      | L-01 | vms[0].memory | 16777217MiB | 16TiB |

  @L-01
  Scenario: The documentation's "16TB" is refused, saying what to write instead
    Given a cluster specification:
      """
      vms:
        - {name: big, memory: 16TB, vcpus: 2, timeSync: ntp}
      """
    When the cluster specification is checked
    Then the file is rejected as malformed at line 2 with "'16TB' uses a decimal unit; write 16TiB (sizes are binary: KiB, MiB, GiB, TiB)"

  @L-02
  Scenario: 710 vCPUs are accepted, 711 are refused
    Given a VM "wide" with 64 GiB of memory and 710 vCPUs
    And a VM "wider" with 64 GiB of memory and 711 vCPUs
    When the cluster specification is checked
    Then it is refused with exactly these problems:
      | id   | path         | value | limit |
      | L-02 | vms[1].vcpus | 711   | 710   |

  @L-03
  Scenario: 8 NICs are accepted, 9 are refused
    Given a VM "eight" with 4 GiB of memory and 2 vCPUs
    And the VM "eight" has 8 virtio NICs
    And a VM "nine" with 4 GiB of memory and 2 vCPUs
    And the VM "nine" has 9 virtio NICs
    When the cluster specification is checked
    Then it is refused with exactly these problems:
      | id   | path        | value | limit |
      | L-03 | vms[1].nics | 9     | 8     |

  @L-04
  Scenario: 4 IDE disks are accepted, 5 are refused
    Given a VM "four" with 4 GiB of memory and 2 vCPUs
    And the VM "four" has 4 ide disks
    And a VM "five" with 4 GiB of memory and 2 vCPUs
    And the VM "five" has 5 ide disks
    When the cluster specification is checked
    Then it is refused with exactly these problems:
      | id   | path         | value | limit |
      | L-04 | vms[1].disks | 5 IDE | 4     |

  @L-04
  Scenario: 20 virtio disks are accepted, 21 are refused, virtio-blk and virtio-scsi counted together
    Given a VM "twenty" with 4 GiB of memory and 2 vCPUs
    And the VM "twenty" has 20 virtio-blk disks
    And a VM "mixed" with 4 GiB of memory and 2 vCPUs
    And the VM "mixed" has 11 virtio-blk disks
    And the VM "mixed" has 10 virtio-scsi disks
    When the cluster specification is checked
    Then it is refused with exactly these problems:
      | id   | path         | value     | limit |
      | L-04 | vms[1].disks | 21 virtio | 20    |

  @L-01 @L-02 @L-03 @L-04
  Scenario: Every broken limit of a VM is reported at once
    Given a cluster specification:
      """
      vms:
        - name: huge
          memory: 17TiB
          vcpus: 711
          timeSync: ntp
          disks:
            - {bus: ide, storage: glue-rbd, volume: rbd/h0, size: 1GiB}
            - {bus: ide, storage: glue-rbd, volume: rbd/h1, size: 1GiB}
            - {bus: ide, storage: glue-rbd, volume: rbd/h2, size: 1GiB}
            - {bus: ide, storage: glue-rbd, volume: rbd/h3, size: 1GiB}
            - {bus: ide, storage: glue-rbd, volume: rbd/h4, size: 1GiB}
          nics: [{}, {}, {}, {}, {}, {}, {}, {}, {}]
      """
    When the cluster specification is checked
    Then it is refused with exactly these problems:
      | id   | path          | value | limit |
      | L-02 | vms[0].vcpus  | 711   | 710   |
      | L-03 | vms[0].nics   | 9     | 8     |
      | L-04 | vms[0].disks  | 5 IDE | 4     |
      | L-01 | vms[0].memory | 17TiB | 16TiB |

  @L-01 @L-02 @L-03 @L-04 @libvirt
  Scenario: The largest VM the documentation allows is defined on a host and read back whole
    Given a VM "largest" with 16 TiB of memory and as many vCPUs as "cube1" runs, at most 710
    And the VM "largest" has 8 virtio NICs
    And the VM "largest" has 20 virtio-blk disks
    When the manager defines "largest" on "cube1"
    Then the hypervisor of "cube1" holds "largest" exactly as the manager defined it
    And the definition of "largest" on "cube1" has 16 TiB of memory, 8 NICs and 20 virtio disks
    And the definition of "largest" on "cube1" has as many vCPUs as "cube1" runs, at most 710

  @L-04 @libvirt
  Scenario: 4 IDE disks and 20 virtio disks of one VM are defined on a host
    Given a VM "disks" with 4 GiB of memory and 2 vCPUs
    And the VM "disks" has 4 ide disks
    And the VM "disks" has 10 virtio-blk disks
    And the VM "disks" has 10 virtio-scsi disks
    When the manager defines "disks" on "cube1"
    Then the hypervisor of "cube1" holds "disks" exactly as the manager defined it
    And the definition of "disks" on "cube1" has 4 IDE and 20 virtio disks

  @libvirt
  Scenario Outline: A VM beyond a limit is refused by the manager before anything reaches the hypervisor
    Given a VM "over" with <memory> of memory and <vcpus> vCPUs
    And the VM "over" has <nics> virtio NICs
    And the VM "over" has <ide> ide disks
    And the VM "over" has <virtio> virtio-blk disks
    When the manager defines "over" on "cube1"
    Then the manager refuses it before the hypervisor: "<refusal>"
    And the hypervisor of "cube1" holds no VM "over"

    @L-01
    Examples: memory
      | memory         | vcpus | nics | ide | virtio | refusal                                     |
      | 16 TiB + 1 MiB | 2     | 0    | 0   | 0      | L-01 vm.memory = 16777217MiB (limit 16TiB)  |

    @L-02
    Examples: vCPUs
      | memory | vcpus | nics | ide | virtio | refusal                         |
      | 64 GiB | 711   | 0    | 0   | 0      | L-02 vm.vcpus = 711 (limit 710) |

    @L-03
    Examples: NICs
      | memory | vcpus | nics | ide | virtio | refusal                     |
      | 4 GiB  | 2     | 9    | 0   | 0      | L-03 vm.nics = 9 (limit 8)  |

    @L-04
    Examples: disks
      | memory | vcpus | nics | ide | virtio | refusal                               |
      | 4 GiB  | 2     | 0    | 5   | 0      | L-04 vm.disks = 5 IDE (limit 4)       |
      | 4 GiB  | 2     | 0    | 0   | 21     | L-04 vm.disks = 21 virtio (limit 20)  |

  @L-05
  Scenario: The vCPUs placed on a host add up to at most 8 x its physical cores
    Given a host "cube1" with 4 cores and 256 GiB of memory
    And 4 VMs with 8 vCPUs and 1 GiB of memory each placed on "cube1"
    When the cluster specification is checked
    Then the specification is accepted with a warning L-07

  @L-05
  Scenario: One vCPU beyond 8 x cores is refused, bounding the number of VMs on the host
    Given a host "cube1" with 4 cores and 256 GiB of memory
    And 32 VMs with 1 vCPU and 1 GiB of memory each placed on "cube1"
    And 1 VMs with 1 vCPU and 1 GiB of memory each placed on "cube1"
    When the cluster specification is checked
    Then it is refused with exactly these problems:
      | id   | path          | value | limit    |
      | L-05 | vms[32].host  | cube1 | 32 vCPUs |
    And the error message says "vCPUs: needs 1, host cube1 has 0 left of 32"

  @L-06
  Scenario: A host of 4096 cores and 16 TiB is supported, a larger one is not
    Given a host "largest" with 4096 cores and 16 TiB of memory
    And a host "too-large" with 4097 cores and 16 TiB + 1 MiB of memory
    When the cluster specification is checked
    Then it is refused with exactly these problems:
      | id   | path            | value       | limit |
      | L-06 | hosts[1].cores  | 4097        | 4096  |
      | L-06 | hosts[1].memory | 16777217MiB | 16TiB |

  @L-07
  Scenario: Memory overcommit is off unless enabled; the refusal names the shortfall
    Given a host "cube1" with 16 cores and 8 GiB of memory
    And 2 VMs with 1 vCPU and 6 GiB of memory each placed on "cube1"
    When the cluster specification is checked
    Then it is refused with exactly these problems:
      | id   | path         | value | limit |
      | L-07 | vms[1].host  | cube1 | 8GiB  |
    And the error message says "memory: needs 6GiB, host cube1 has 2GiB left of 8GiB (L-07), short by 4GiB"

  @L-07
  Scenario: With memory overcommit enabled for the cluster the same placement is accepted
    Given a host "cube1" with 16 cores and 8 GiB of memory
    And 2 VMs with 1 vCPU and 6 GiB of memory each placed on "cube1"
    And memory overcommit is enabled with factor 1.5
    When the cluster specification is checked
    Then the specification is accepted

  @L-07
  Scenario: Disk overcommit is off unless enabled
    Given a host "cube1" with 16 cores, 64 GiB of memory and 100 GiB of local disk
    And a VM "a" with 1 GiB of memory and 1 vCPU
    And the VM "a" is placed on "cube1"
    And the VM "a" has a local disk of 80 GiB
    And a VM "b" with 1 GiB of memory and 1 vCPU
    And the VM "b" is placed on "cube1"
    And the VM "b" has a local disk of 80 GiB
    When the cluster specification is checked
    Then it is refused with exactly these problems:
      | id   | path        | value | limit  |
      | L-07 | vms[1].host | cube1 | 100GiB |
    And the error message says "disk: needs 80GiB, host cube1 has 20GiB left of 100GiB (L-07), short by 60GiB"

  @L-07
  Scenario: CPU overcommit is allowed up to L-05 but reported as a performance warning
    Given a host "cube1" with 4 cores and 64 GiB of memory
    And 3 VMs with 4 vCPUs and 1 GiB of memory each placed on "cube1"
    When the cluster specification is checked
    Then the specification is accepted with a warning L-07
    And a warning L-07 says "CPU overcommit"

  @L-09
  Scenario: A host cannot be suspended or hibernated while VMs run on it; what counts is what its hypervisor runs
    Given a VM "web" with 256 MiB of memory and 1 vCPU
    And a VM "db" with 256 MiB of memory and 1 vCPU
    And a VM "spare" with 256 MiB of memory and 1 vCPU
    And the manager defines "web" on "cube1"
    And the manager defines "db" on "cube1"
    And the manager defines "spare" on "cube1"
    And "web" starts on "cube1"
    And "db" starts on "cube1"
    When the host "cube1" is asked to suspend
    Then the request is refused naming "web" and "db"
    When the host "cube1" is asked to hibernate
    Then the request is refused naming "web" and "db"
    When "web" is destroyed on "cube1"
    And "db" is destroyed on "cube1"
    And the host "cube1" is asked to suspend
    Then the request is allowed

  @L-09
  Scenario: A host whose VMs are defined but shut off may be suspended
    Given a VM "cold" with 256 MiB of memory and 1 vCPU
    And the manager defines "cold" on "cube2"
    When the host "cube2" is asked to suspend
    Then the request is allowed
