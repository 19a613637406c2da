Feature: Host bridges, VLANs and VM ports
  Every Cell host has the same bridges ("네트워크 구성"): br-MGMT between the host and the control VM, br-VM for
  guest traffic, br-PN and br-CN for the storage controller VMs, and the internal cloud0 that joins system VMs to
  their own host only. A guest network on VLAN 101 is the bridge br-VM.101, and VLANs are isolated from each
  other. A VM joins a bridge through a port vnet<N>, numbered in creation order on its host.

  Background:
    Given a host "cube1" with the NICs "eno1, eno2, eno3, eno4" of 10 Gb/s
    And a host "cube2" with the NICs "eno1, eno2, eno3, eno4" of 10 Gb/s
    And every host bonds "eno1, eno2" as "bond-MGMT" in active-backup mode
    And every host bonds "eno3, eno4" as "bond-VM" in active-backup mode

  @N-01
  Scenario: Every host has br-MGMT, br-VM, br-PN, br-CN and cloud0, each Linux bridge uplinked by the bond made for it
    Given the host "cube2" has the NICs "eno5, eno6" of 25 Gb/s
    And the host "cube2" bonds "eno5, eno6" as "bond-PN" in active-backup mode
    When the cluster network is brought up
    Then the bridges of "cube1" and their uplinks are:
      | bridge  | uplink    |
      | br-MGMT | bond-MGMT |
      | br-VM   | bond-VM   |
      | br-PN   |           |
      | br-CN   |           |
      | cloud0  |           |
    And the bridges of "cube2" and their uplinks are:
      | bridge  | uplink    |
      | br-MGMT | bond-MGMT |
      | br-VM   | bond-VM   |
      | br-PN   | bond-PN   |
      | br-CN   |           |
      | cloud0  |           |

  @N-01
  Scenario: A NIC on a bridge the host does not have, such as an Open vSwitch bridge, gets no port
    Given a VM "web" with a NIC on "ovsbr0" placed on "cube1"
    When the cluster network is brought up
    Then the VM "web" gets no port (N-01): "unknown bridge 'ovsbr0'"

  @N-01
  Scenario: A VM's NICs are rendered as Linux bridge ports, and an Open vSwitch port read back is refused
    Given a cluster specification:
      """
      vms:
        - name: web
          memory: 4GiB
          vcpus: 2
          timeSync: ntp
          nics:
            - {network: br-VM}
            - {vlan: 101}
      """
    When the VM "web" of the specification is rendered as libvirt domain XML
    Then every interface of the rendered domain is a Linux bridge port, without a virtualport
    And the rendered domain reads back with its NICs on "br-VM, br-VM.101"
    When the first interface of the rendered domain becomes an Open vSwitch port
    Then reading the rendered domain back is refused: "interface on bridge 'br-VM' has a virtualport of type 'openvswitch' (an Open vSwitch port); Cell uses native Linux bridges only, never Open vSwitch (N-01)"

  @N-02
  Scenario: A system VM's cloud0 address is reachable from its own host and from nowhere else
    Given a system VM "router" with a NIC on "cloud0" placed on "cube1"
    And a VM "app" with a NIC on "br-VM" placed on "cube1"
    When the cluster network is brought up
    Then host "cube1" on "cloud0" reaches "router"
    And host "cube2" on "cloud0" cannot reach "router" (N-02)
    And host "cube2" on "br-MGMT" cannot reach "router" (N-02)
    And "app" cannot reach "router" (N-02)

  @N-02
  Scenario: A guest VM cannot join cloud0
    Given a VM "web" with a NIC on "cloud0" placed on "cube1"
    When the cluster network is brought up
    Then the VM "web" gets no port (N-02): "cloud0 connects system VMs to their host only; web is not a system VM"

  @N-03
  Scenario: VMs on the same VLAN reach each other, VMs on different VLANs do not
    Given a VM "a" with a NIC on "br-VM.101" placed on "cube1"
    And a VM "b" with a NIC on "br-VM.102" placed on "cube2"
    And a VM "c" with a NIC on "br-VM.101" placed on "cube2"
    And a VM "d" with a NIC on "br-VM.102" placed on "cube1"
    When the cluster network is brought up
    Then the port of "a" is on the bridge "br-VM.101"
    And the host "cube1" has the bridge "br-VM.101"
    And the host "cube1" has the bridge "br-VM.102"
    And "a" reaches "c"
    And "b" reaches "d"
    And "a" cannot reach "b" (N-03)
    And "a" cannot reach "d" (N-03)
    And the reason is "VLAN 101 (br-VM.101) and VLAN 102 (br-VM.102) are isolated"

  @N-03
  Scenario: A VLAN bridge is uplinked by the 802.1Q-tagged subinterface of the guest bond
    Given a VM "a" with a NIC on "br-VM.101" placed on "cube1"
    And a VM "b" with a NIC on "br-VM.102" placed on "cube1"
    When the cluster network is brought up
    Then the bridges of "cube1" and their uplinks are:
      | bridge    | uplink      |
      | br-MGMT   | bond-MGMT   |
      | br-VM     | bond-VM     |
      | br-PN     |             |
      | br-CN     |             |
      | cloud0    |             |
      | br-VM.101 | bond-VM.101 |
      | br-VM.102 | bond-VM.102 |
    And the uplink of "br-VM.101" on "cube1" is "bond-VM.101", which carries the tag: "br-VM.101 <- bond-VM.101 (the VLAN 101 802.1Q-tagged subinterface of bond-VM)"
    And the bridges of "cube2" and their uplinks are:
      | bridge  | uplink    |
      | br-MGMT | bond-MGMT |
      | br-VM   | bond-VM   |
      | br-PN   |           |
      | br-CN   |           |
      | cloud0  |           |

  @N-03
  Scenario: A VLAN is isolated from the untagged guest network
    Given a VM "a" with a NIC on "br-VM.101" placed on "cube1"
    And a VM "plain" with a NIC on "br-VM" placed on "cube2"
    When the cluster network is brought up
    Then "a" cannot reach "plain" (N-03)
    And the reason is "br-VM.101 (VLAN 101) is isolated from the untagged br-VM"

  @N-04
  Scenario: Ports are named vnet<N> in creation order on each host
    Given a VM "a" with a NIC on "br-VM" placed on "cube1"
    And the VM "a" has another NIC on "br-VM.101"
    And a VM "b" with a NIC on "br-VM" placed on "cube2"
    And a VM "c" with a NIC on "br-VM" placed on "cube1"
    When the cluster network is brought up
    Then the ports on "cube1" are:
      | port  | vm | nic |
      | vnet0 | a  | 0   |
      | vnet1 | a  | 1   |
      | vnet2 | c  | 0   |
    And the ports on "cube2" are:
      | port  | vm | nic |
      | vnet0 | b  | 0   |

  @N-04
  Scenario: A restarted VM gets the next number, not its old one
    Given a VM "a" with a NIC on "br-VM" placed on "cube1"
    And a VM "c" with a NIC on "br-VM" placed on "cube1"
    When the cluster network is brought up
    And the VM "a" stops
    And the VM "a" starts again on "cube1"
    Then the ports on "cube1" are:
      | port  | vm | nic |
      | vnet1 | c  | 0   |
      | vnet2 | a  | 0   |

  @N-03 @libvirt
  Scenario: A NIC on VLAN 101 is defined on, and plugged into, the bridge br-VM.101
    Given a VM "tagged" with 64 MiB of memory and 1 vCPU
    And the VM "tagged" has a NIC on VLAN 101
    When the manager defines "tagged" on "cube1"
    Then the definition of "tagged" on "cube1" puts NIC 0 on "br-VM.101"
    When "tagged" starts on "cube1"
    Then the port of "tagged" NIC 0 on "cube1" is on the bridge "br-VM.101"

  @N-04 @libvirt
  Scenario: The ports of running VMs are vnet<N>, numbered in the order they were created
    Given a VM "a" with 64 MiB of memory and 1 vCPU
    And the VM "a" has 2 virtio NICs
    And a VM "b" with 64 MiB of memory and 1 vCPU
    And the VM "b" has 1 virtio NIC
    When the manager defines "a" on "cube1"
    And the manager defines "b" on "cube1"
    And "a" starts on "cube1"
    And "b" starts on "cube1"
    Then the ports on "cube1" are vnet<N> in creation order:
      | vm | nic |
      | a  | 0   |
      | a  | 1   |
      | b  | 0   |
    When "a" is destroyed on "cube1"
    And "a" starts on "cube1"
    Then the ports on "cube1" are vnet<N> in creation order:
      | vm | nic |
      | b  | 0   |
      | a  | 0   |
      | a  | 1   |
