Feature: Disks and passthrough devices as a host's hypervisor defines them
  A user describes a disk by its storage type and volume ("스토리지"); the hypervisor is given a disk source it can
  open, always as a RAW disk. The HCI storage controller VM is given whole SCSI controllers and single host disks by
  passthrough, which the hypervisor does not manage as VM disks. These scenarios define the VMs on the backend's
  hosts and read the definitions back; storage.feature covers the same rules in the engine alone.

  @S-01 @S-02 @libvirt
  Scenario: Every supported storage type becomes a disk source the hypervisor accepts, read as RAW
    Given a VM "store" with 8 GiB of memory and 2 vCPUs
    And the VM "store" has the disks:
      | storage   | volume                                                 |
      | iscsi     | 10.0.30.5/iqn.2004-04.com.example:storage/1            |
      | nvme-of   | nqn.2014-08.com.example:array1/eui.0025385b71b0a1c2    |
      | nfs       | nas1:/exports/vms/web-1.raw                            |
      | smb       | //fs1/vms/web-1.raw                                    |
      | fc        | 600a0b80001234560000abcd12345678                       |
      | powerflex | 1a2b3c4d5e6f7081-9a8b7c6d00000001                      |
      | primera   | /dev/disk/by-id/wwn-0x60002ac000000000000000000000abcd |
      | pure      | /dev/disk/by-id/wwn-0x624a9370aabbccdd                 |
      | linstor   | web-1-root                                             |
      | glue-rbd  | rbd/web-1-root                                         |
      | local     | /var/lib/cell/images/web-1.raw                         |
    When the manager defines "store" on "cube1"
    Then the definition of "store" on "cube1" has the disk sources:
      | source                                                       | format |
      | network iscsi iqn.2004-04.com.example:storage/1              | raw    |
      | block /dev/disk/by-id/nvme-eui.0025385b71b0a1c2              | raw    |
      | network nfs /exports/vms/web-1.raw                           | raw    |
      | file /var/lib/cell/mnt/smb/fs1/vms/web-1.raw                 | raw    |
      | block /dev/mapper/3600a0b80001234560000abcd12345678          | raw    |
      | block /dev/disk/by-id/emc-vol-1a2b3c4d5e6f7081-9a8b7c6d00000001 | raw |
      | block /dev/disk/by-id/wwn-0x60002ac000000000000000000000abcd | raw    |
      | block /dev/disk/by-id/wwn-0x624a9370aabbccdd                 | raw    |
      | block /dev/drbd/by-res/web-1-root/0                          | raw    |
      | network rbd rbd/web-1-root                                   | raw    |
      | file /var/lib/cell/images/web-1.raw                          | raw    |

  @S-02 @libvirt
  Scenario: Every disk of a VM is defined RAW, whatever its storage
    Given a VM "app" with 8 GiB of memory and 2 vCPUs
    And the VM "app" has the disks:
      | storage  | volume                               |
      | glue-rbd | rbd/app-root                         |
      | nfs      | nas1:/exports/vms/app-data.raw       |
      | local    | /var/lib/cell/images/app-scratch.raw |
    When the manager defines "app" on "cube1"
    Then every disk of "app" on "cube1" is defined raw

  @S-03 @libvirt
  Scenario: The storage controller VM is given its SCSI controller and a host disk by passthrough, not as VM disks
    Given a cluster specification:
      """
      vms:
        - name: scvm1
          memory: 32GiB
          vcpus: 8
          timeSync: chrony
          disks:
            - {storage: local, volume: /var/lib/cell/scvm1-root, size: 100GiB}
          passthrough:
            scsiControllers: ["0000:3b:00.0"]
            luns: [/dev/disk/by-id/wwn-0x5000c500a1b2c3d4]
      """
    When the VM "scvm1" of the specification is defined on "cube1"
    Then the definition of "scvm1" on "cube1" passes through "pci 0000:3b:00.0" and "lun /dev/disk/by-id/wwn-0x5000c500a1b2c3d4"
    And the definition of "scvm1" on "cube1" has only the disk "file /var/lib/cell/scvm1-root"
