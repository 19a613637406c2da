Feature: Expected performance, device advice and time keeping
  The documentation's performance table ("성능 제한") gives the performance a VM can expect relative to bare
  metal per device class, recommends virtio-blk over virtio-scsi over IDE, requires virtio drivers and the
  guest agent for Windows on virtio disks, and recommends kvm-clock with NTP.

  @P-01
  Scenario: The documented performance per device class
    Given a VM "app" with 8 GiB of memory and 4 vCPUs
    And the VM "app" uses CPU mode host-passthrough
    And the VM "app" has 1 e1000 NIC
    And the VM "app" has 1 virtio NIC
    And the VM "app" has 1 ide disk
    And the VM "app" has 1 virtio-blk disk
    And the VM "app" has cirrus graphics
    When the harness advises on "app" for an intel host
    Then the expected performance is:
      | class                    | device           | performance |
      | CPU/MMU                  | host-passthrough | 97%         |
      | network I/O              | e1000            | 60%         |
      | network I/O              | virtio-net       | 75%         |
      | disk I/O                 | ide              | 40%         |
      | disk I/O                 | virtio-blk       | 85%         |
      | graphics (unaccelerated) | cirrus           | 50%         |

  @P-01
  Scenario Outline: CPU performance by mode and host architecture
    Given a VM "app" with 8 GiB of memory and 4 vCPUs
    And the VM "app" uses CPU mode <mode>
    When the harness advises on "app" for an <vendor> host
    Then the expected performance is:
      | class   | device   | performance |
      | CPU/MMU | <device> | <percent>   |

    Examples:
      | mode             | vendor | device                  | percent |
      | host-passthrough | intel  | host-passthrough        | 97%     |
      | host-passthrough | amd    | host-passthrough        | 97%     |
      | host-passthrough | arm    | host-passthrough        | 85%     |
      | custom           | intel  | custom (emulated model) | 7%      |

  @P-01
  Scenario: virtio-gpu graphics
    Given a VM "desk" with 4 GiB of memory and 2 vCPUs
    And the VM "desk" uses CPU mode host-passthrough
    And the VM "desk" has virtio-gpu graphics
    When the harness advises on "desk" for an intel host
    Then the expected performance is:
      | class                    | device           | performance |
      | CPU/MMU                  | host-passthrough | 97%         |
      | graphics (unaccelerated) | virtio-gpu       | 85%         |

  @P-02
  Scenario: IDE is allowed but flagged; virtio-blk is preferred to virtio-scsi
    Given a VM "old" with 4 GiB of memory and 2 vCPUs
    And the VM "old" has 1 ide disk
    And the VM "old" has 1 virtio-scsi disk
    When the cluster specification is checked
    Then the specification is accepted with a warning P-02
    When the harness advises on "old" for an intel host
    Then the advice P-02 about "disks[0]" says "IDE is not recommended"
    And the advice P-02 about "disks[1]" says "virtio-blk is the recommended disk controller"

  @P-03
  Scenario: A Windows guest on virtio disks without drivers and agent is flagged before start
    Given a VM "win" with 8 GiB of memory and 4 vCPUs
    And the VM "win" has 1 virtio-blk disk
    And the VM "win" runs Windows with virtio drivers missing and guest agent absent
    When the cluster specification is checked
    Then a warning P-03 says "must have the virtio drivers and guest agent installed"

  @P-03
  Scenario: A Windows guest with drivers and agent is not flagged
    Given a VM "win" with 8 GiB of memory and 4 vCPUs
    And the VM "win" has 1 virtio-blk disk
    And the VM "win" runs Windows with virtio drivers installed and guest agent running
    When the cluster specification is checked
    Then the specification is accepted without warnings

  @T-01
  Scenario: A VM with the guest agent uses kvm-clock; one without a time-sync declaration is told to use NTP
    Given a VM "app" with 4 GiB of memory and 2 vCPUs
    And the VM "app" has the guest agent
    And the VM "app" declares no time synchronisation
    When the cluster specification is checked
    Then a warning T-01 says "use NTP"
    When the harness advises on "app" for an intel host
    Then the advice T-01 about "clock" says "kvm-clock"

  @T-01 @libvirt
  Scenario: A VM with the guest agent is defined with the kvm-clock clock source and the agent's channel
    Given a VM "app" with 4 GiB of memory and 2 vCPUs
    And the VM "app" has the guest agent
    When the manager defines "app" on "cube1"
    Then the definition of "app" on "cube1" uses the kvm-clock clock source
    And the definition of "app" on "cube1" has the guest agent channel
