Feature: Architecture: management talks to libvirt, and disks are described by storage type and volume
  Cell is KVM with libvirtd and qemu-kvm ("아키텍처"): everything the manager does to a host goes through libvirt's
  API, and the harness never runs virsh. Storage drivers are abstracted: a user describes a disk by its storage type
  and volume, and never writes libvirt XML.

  @A-01 @libvirt
  Scenario: The manager runs a VM's life through the hypervisor's API, and no code behind it starts a program
    Given a VM "api" with 64 MiB of memory and 1 vCPU
    And the manager defines "api" on "cube1"
    And "api" starts on "cube1"
    When "api" is suspended, resumed and destroyed on "cube1"
    Then the hypervisor of "cube1" answered every call
    And no code behind the hypervisor of "cube1" starts a process or names virsh

  @A-02 @libvirt
  Scenario: A disk described by its storage type and volume is what the hypervisor is given
    Given a cluster specification:
      """
      vms:
        - name: app
          memory: 4GiB
          vcpus: 2
          timeSync: ntp
          disks:
            - {storage: glue-rbd, volume: rbd/app-root, size: 20GiB}
      """
    When the VM "app" of the specification is defined on "cube1"
    Then the definition of "app" on "cube1" has the disk sources:
      | source                   | format |
      | network rbd rbd/app-root | raw    |

  @A-02 @libvirt
  Scenario Outline: libvirt XML in a specification is refused
    Given a cluster specification:
      """
      vms:
        - name: app
          memory: 4GiB
          vcpus: 2
          <line>
      """
    When the cluster specification is checked
    Then the file is rejected as malformed at line 5 with "unknown key '<key>'"

    Examples:
      | line                                                                                        | key       |
      | disks: [{storage: glue-rbd, volume: rbd/app-root, size: 20GiB, xml: "<disk type='network'/>"}] | xml       |
      | domainXml: "<domain type='kvm'><name>app</name></domain>"                                   | domainXml |

  @A-04
  Scenario: A host without hardware virtualisation is flagged unfit for production, and reports name its qemu guests
    Given a cluster specification:
      """
      hosts:
        - {name: cube1, cores: 16, memory: 64GiB}
        - {name: lab1, cores: 4, memory: 8GiB, kvm: false}
      """
    When the cluster specification is checked
    Then the specification is accepted with a warning A-04
    And a warning A-04 at "hosts[1].kvm" says "lab1 has no hardware virtualisation (/dev/kvm): its guests would run as qemu (TCG) emulation, unfit for production (a test lab only)"
    And the reports of this cluster say its guests are "kvm; qemu (TCG) on lab1"

  @A-04
  Scenario: Hosts with hardware virtualisation run kvm guests, and draw no A-04 warning
    Given a cluster specification:
      """
      hosts:
        - {name: cube1, cores: 16, memory: 64GiB}
        - {name: cube2, cores: 16, memory: 64GiB, kvm: true}
      """
    When the cluster specification is checked
    Then there is no warning A-04
    And the reports of this cluster say its guests are "kvm"
