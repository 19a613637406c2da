Feature: Mold's own HA policy (CloudStack KVM Host HA), beside the Cell policy
  Mold is a CloudStack fork: the HA that fences a customer's host is CloudStack's KVM Host HA. The manager can run it
  instead of the Cell policy, on the same simulated world, so that a field incident replays as it happened and the
  Cell policy can be compared with it on the same seed. CloudStack's known behaviours are reproduced, not fixed:
  these scenarios show what the catalogue's H rules demand and where CloudStack falls short of them.

  Background:
    Given a simulated cluster:
      """
      hosts:
        - {name: kvm1, cores: 32, memory: 256GiB, bmc: {address: 10.0.10.1, kind: redfish}}
        - {name: kvm2, cores: 32, memory: 256GiB, bmc: {address: 10.0.10.2, kind: redfish}}
        - {name: kvm3, cores: 32, memory: 256GiB, bmc: {address: 10.0.10.3, kind: redfish}}
        - {name: kvm4, cores: 32, memory: 256GiB, bmc: {address: 10.0.10.4, kind: redfish}}
      vms:
        - {name: db1, host: kvm1, memory: 16GiB, vcpus: 4, ha: {enabled: true, priority: high}, disks: [{storage: nfs, volume: "nas1:/primary/db1.raw", size: 64GiB}]}
        - {name: db2, host: kvm2, memory: 16GiB, vcpus: 4, ha: {enabled: true, priority: high}, disks: [{storage: nfs, volume: "nas1:/primary/db2.raw", size: 64GiB}]}
        - {name: db3, host: kvm3, memory: 16GiB, vcpus: 4, ha: {enabled: true, priority: high}, disks: [{storage: nfs, volume: "nas1:/primary/db3.raw", size: 64GiB}]}
        - {name: db4, host: kvm4, memory: 16GiB, vcpus: 4, ha: {enabled: true, priority: high}, disks: [{storage: nfs, volume: "nas1:/primary/db4.raw", size: 64GiB}]}
      """

  @H-04 @H-08
  Scenario: With KVMHAConfig's defaults CloudStack recovers a crashed host only after ten activity checks
    Given the manager runs the cloudstack HA policy
    And "kvm2" crashes at 30s
    When the simulation runs until 9m
    Then the manager holds "kvm2" in CloudStack's state Suspect
    And "db2" does not run anywhere
    When the simulation runs until 11m
    Then the manager holds "kvm2" in CloudStack's state Recovered
    And "db2" runs exactly once
    And no invariant is violated

  @H-09
  Scenario: A BMC that refuses the power-off keeps CloudStack in Fencing; the Cell policy reads the power back
    Given the manager runs the cloudstack HA policy
    And the fault bmc-refuses-power-off hits "kvm3" at 5s for 30m
    And the fault host-power-off hits "kvm3" at 30s for 25m
    When the simulation runs until 20m
    Then the manager holds "kvm3" in CloudStack's state Fencing
    And "db3" does not run anywhere

  @H-09 @H-06
  Scenario: The Cell policy on the same world confirms the power-off and restarts at once
    Given the manager runs the cell HA policy
    And the fault bmc-refuses-power-off hits "kvm3" at 5s for 30m
    And the fault host-power-off hits "kvm3" at 30s for 25m
    When the simulation runs until 2m
    Then "kvm3" was fenced with its power read back as off
    And "db3" runs exactly once
    And no invariant is violated

  @H-06
  Scenario: CloudStack declares a fence on an Unknown power state and starts VMs that still run
    Given the manager runs the cloudstack HA policy
    And the fault bmc-unreachable hits "kvm4" at 10s for 24m
    And the hosts "kvm4" are cut off the storage network at 30s for 24m
    When the simulation runs until 15m
    Then the safety invariant "restart-only-after-fence" is violated
