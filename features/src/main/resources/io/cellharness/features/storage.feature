Feature: Storage types, RAW disks, HCI passthrough and the Glue I/O path
  Cell supports ("스토리지") iSCSI and NVMe-oF fabrics, NFS and SMB network storage, FC/HBA SAN, Dell
  PowerFlex, HP Primera, Pure FlashArray, LINBIT Linstor and its own Glue (Ceph RBD); every disk reaches the VM as
  a RAW block device. In the HCI architecture the storage controller VM receives its disks by SCSI-controller or
  LUN passthrough, and the hypervisor manages only the host's OS disks. A VM's Glue I/O goes through the monitor
  of the storage controller on its own host; the monitors' health is checked with a period and a number of misses
  that have documented defaults.

  @S-01 @S-02
  Scenario Outline: A <storage> disk is described by its volume and reaches the VM as RAW
    When a <storage> disk with volume "<volume>" is read
    Then its source is "<source>"
    And it reaches the VM as a raw block device

    Examples:
      | storage   | volume                                               | source                                                                                                           |
      | iscsi     | 10.0.30.5/iqn.2004-04.com.example:storage/1          | iscsi: network iscsi iqn.2004-04.com.example:storage/1 via [10.0.30.5:3260], format raw                          |
      | nvme-of   | nqn.2014-08.com.example:array1/eui.0025385b71b0a1c2  | nvme-of: block /dev/disk/by-id/nvme-eui.0025385b71b0a1c2 (nvme connect nqn.2014-08.com.example:array1), format raw |
      | nfs       | nas1:/exports/vms/web-1.raw                          | nfs: network nfs /exports/vms/web-1.raw via [nas1:2049], format raw                                              |
      | smb       | //fs1/vms/web-1.raw                                  | smb: file /var/lib/cell/mnt/smb/fs1/vms/web-1.raw on share //fs1/vms, format raw                                 |
      | fc        | 600a0b80001234560000abcd12345678                     | fc: block /dev/mapper/3600a0b80001234560000abcd12345678 (mapped by dm-multipath), format raw                     |
      | powerflex | 1a2b3c4d5e6f7081-9a8b7c6d00000001                    | powerflex: block /dev/disk/by-id/emc-vol-1a2b3c4d5e6f7081-9a8b7c6d00000001 (mapped by PowerFlex SDC), format raw |
      | primera   | /dev/disk/by-id/wwn-0x60002ac000000000000000000000abcd | primera: block /dev/disk/by-id/wwn-0x60002ac000000000000000000000abcd (mapped by dm-multipath), format raw     |
      | pure      | /dev/disk/by-id/wwn-0x624a9370aabbccdd               | pure: block /dev/disk/by-id/wwn-0x624a9370aabbccdd (mapped by dm-multipath), format raw                          |
      | linstor   | web-1-root                                           | linstor: block /dev/drbd/by-res/web-1-root/0 (mapped by DRBD), format raw                                        |
      | glue-rbd  | rbd/web-1-root                                       | glue-rbd: network rbd rbd/web-1-root, format raw                                                                 |
      | local     | /var/lib/cell/images/web-1.raw                       | local: file /var/lib/cell/images/web-1.raw, format raw                                                           |

  @S-01
  Scenario: Any other storage type is rejected, listing the supported ones
    Given a cluster specification:
      """
      vms:
        - name: app
          memory: 4GiB
          vcpus: 2
          disks:
            - {storage: ceph, volume: rbd/app-root, size: 20GiB}
      """
    When the cluster specification is checked
    Then the file is rejected as malformed at line 6 with "unknown storage type (S-01) 'ceph'; expected one of iscsi, nvme-of, nfs, smb, fc, powerflex, primera, pure, linstor, glue-rbd, local"

  @S-01
  Scenario: A volume not in its storage type's form is refused with the form expected
    When a glue-rbd disk with volume "rbd/web-1-root@snap1" is read
    Then the volume is refused: "disk app disk 0: 'rbd/web-1-root@snap1' is not a valid glue-rbd volume ('@' names a snapshot, which is read-only; a VM disk is the image itself); expected pool/image, e.g. rbd/web-1-root"

  @S-02
  Scenario: Every disk of a VM reaches it as a RAW block device, whatever its storage
    Given a VM "app" with 8 GiB of memory and 2 vCPUs
    And the VM "app" has the disks:
      | storage  | volume                                      |
      | glue-rbd | rbd/app-root                                |
      | iscsi    | iqn.2004-04.com.example:storage/7           |
      | nfs      | nas1:/exports/vms/app-data.raw              |
      | linstor  | app-logs                                    |
      | local    | /var/lib/cell/images/app-scratch.raw        |
    Then every disk of "app" reaches it as a raw block device

  @S-02
  Scenario Outline: A file in an image format is refused, never handed to the VM as if it were raw
    When a <storage> disk with volume "<volume>" is read
    Then the volume is refused: "<reason>"

    Examples:
      | storage | volume                                 | reason                                                        |
      | local   | /var/lib/cell/images/app-root.qcow2    | a qcow2 image; S-02 gives every disk to the VM as RAW          |
      | nfs     | nas1:/exports/vms/app-data.vmdk        | a vmdk image; S-02 gives every disk to the VM as RAW           |
      | smb     | //fs1/vms/app-logs.VHDX                | a vhdx image; S-02 gives every disk to the VM as RAW           |

  @S-03
  Scenario: The HCI storage controller VM receives a SCSI controller and single disks by passthrough
    Given a cluster specification:
      """
      hosts:
        - {name: cube1, cores: 32, memory: 256GiB, storageController: {monitor: "cube1:6789"}}
      vms:
        - name: scvm1
          host: cube1
          memory: 32GiB
          vcpus: 8
          timeSync: chrony
          passthrough:
            scsiControllers: ["0000:3b:00.0"]
            luns: [/dev/disk/by-id/wwn-0x5000c500a1b2c3d4]
      """
    When the cluster specification is checked
    Then the specification is accepted without warnings

  @S-03
  Scenario: A disk passed through to the storage controller VM cannot also be a VM volume
    Given a cluster specification:
      """
      hosts:
        - {name: cube1, cores: 32, memory: 256GiB, storageController: {monitor: "cube1:6789"}}
      vms:
        - name: scvm1
          host: cube1
          memory: 32GiB
          vcpus: 8
          timeSync: chrony
          passthrough:
            luns: [/dev/disk/by-id/wwn-0x5000c500a1b2c3d4]
        - name: db
          host: cube1
          memory: 16GiB
          vcpus: 4
          timeSync: ntp
          disks:
            - {storage: local, volume: /dev/disk/by-id/wwn-0x5000c500a1b2c3d4, size: 100GiB}
      """
    When the cluster specification is checked
    Then it is refused with exactly these problems:
      | id   | path                    | value                                   |
      | S-03 | vms[1].disks[0].volume  | /dev/disk/by-id/wwn-0x5000c500a1b2c3d4  |
    And the error message says "passed through to the storage controller VM by vms[0].passthrough.luns[0] (scvm1); the hypervisor never manages those disks, so it cannot also be a VM volume"

  @S-04
  Scenario: A VM's Glue I/O goes through the monitor on its own host, and the others are ordered by distance
    Given the HCI hosts "cube1, cube2, cube3, cube4", each with a storage controller
    And a VM "web" with a Glue disk placed on "cube2"
    And the network distances between the hosts are:
      | from  | cube1 | cube2 | cube3 | cube4 |
      | cube1 | 0     | 3     | 2     | 1     |
      | cube2 | 3     | 0     | 1     | 2     |
      | cube3 | 2     | 1     | 0     | 3     |
      | cube4 | 1     | 2     | 3     | 0     |
    When the Glue I/O paths are chosen
    Then the Glue I/O of "cube1" goes through the monitor on "cube1"
    And the Glue I/O of "cube2" goes through the monitor on "cube2"
    And the Glue I/O of "cube4" goes through the monitor on "cube4"
    And the I/O of the VM "web" goes through the monitor on "cube2"
    And the monitors "cube2" would fail over to are, nearest first, "cube2, cube3, cube4, cube1"
    And the monitors "cube1" would fail over to are, nearest first, "cube1, cube4, cube3, cube2"

  @S-04
  Scenario: Five hosts run three monitors; a host whose controller runs none uses the nearest monitor
    Given the HCI hosts "cube1, cube3, cube5", each with a storage controller
    And the HCI hosts "cube2, cube4", each with a storage controller that runs no monitor
    And a VM "app" with a Glue disk placed on "cube4"
    And the network distances between the hosts are:
      | from  | cube1 | cube2 | cube3 | cube4 | cube5 |
      | cube2 | 1     | 0     | 2     | 3     | 4     |
      | cube4 | 4     | 3     | 2     | 0     | 1     |
    When the Glue I/O paths are chosen
    Then the Glue I/O of "cube2" goes through the monitor on "cube1"
    And the I/O of the VM "app" goes through the monitor on "cube5"
    And the monitors "cube4" would fail over to are, nearest first, "cube5, cube3, cube1"
    And the monitors "cube2" would fail over to are, nearest first, "cube1, cube3, cube5"

  @S-04
  Scenario: A host without a storage controller uses the nearest monitor
    Given the HCI hosts "cube1, cube2", each with a storage controller
    And a compute host "cube9" without a storage controller
    And the network distance from "cube9" to "cube1" is 2
    And the network distance from "cube9" to "cube2" is 1
    And a VM "batch" with a Glue disk placed on "cube9"
    When the Glue I/O paths are chosen
    Then the I/O of the VM "batch" goes through the monitor on "cube2"
    And the monitors "cube9" would fail over to are, nearest first, "cube2, cube1"

  @S-07
  Scenario: With the default settings the path fails over only after 3 probes 2 s apart have gone unanswered
    Given a simulated cluster:
      """
      hosts:
        - {name: cube1, cores: 16, memory: 128GiB, bmc: {address: 10.0.10.1}, storageController: {monitor: "10.0.20.1:6789"}}
        - {name: cube2, cores: 16, memory: 128GiB, bmc: {address: 10.0.10.2}, storageController: {monitor: "10.0.20.2:6789"}}
      vms:
        - {name: app1, host: cube1, memory: 8GiB, vcpus: 2, disks: [{storage: glue-rbd, volume: rbd/app1, size: 40GiB}]}
      """
    And the fault storage-controller-down hits "cube1" at 30s for 1m
    When the simulation runs until 34s
    Then the running VM "app1" writes through the monitor on "cube1"
    When the simulation runs until 38s
    Then the running VM "app1" writes through the monitor on "cube2"
    And "app1" had its I/O stalled for at most 7s

  @S-07 @S-09
  Scenario Outline: Monitor health settings that cannot work are refused
    When monitor health is set to a probe period of <period> ms, <misses> misses, a probe timeout of <timeout> ms, a damping window of <window> ms and holds from <hold> ms up to <bound> ms
    Then the settings are refused: "<reason>"

    Examples:
      | period | misses | timeout | window | hold  | bound | reason                                                                                       |
      | 0      | 3      | 1000    | 60000  | 10000 | 80000 | S-07 monitor probe period is 0 ms; it must be more than 0                                     |
      | 2000   | 0      | 1000    | 60000  | 10000 | 80000 | S-07 monitor miss threshold is 0; it must be at least 1                                       |
      | 2000   | 3      | 2000    | 60000  | 10000 | 80000 | S-05 monitor probe timeout is 2000 ms; it must be more than 0 and less than the probe period (2000 ms) |
      | 2000   | 3      | 1000    | 1000   | 10000 | 80000 | S-09 damping window is 1000 ms; it must be at least the probe period (2000 ms)                |
      | 2000   | 3      | 1000    | 60000  | 1000  | 80000 | S-09 first hold is 1000 ms; it must be at least the probe period (2000 ms)                    |
      | 2000   | 3      | 1000    | 60000  | 10000 | 5000  | S-09 hold bound is 5000 ms; it must be at least the first hold (10000 ms)                     |
      | 10000  | 3      | 1000    | 60000  | 10000 | 80000 | S-05 failover stall bound (period x misses + timeout) is 31000 ms; it must stay below the guest's I/O timeout of 30000 ms |

  @S-07
  Scenario: Other workable settings are accepted and bound the failover stall
    When monitor health is set to a probe period of 1000 ms, 5 misses, a probe timeout of 500 ms, a damping window of 10000 ms and holds from 2000 ms up to 8000 ms
    Then the settings are accepted, a failover stalling I/O for less than 5500 ms
