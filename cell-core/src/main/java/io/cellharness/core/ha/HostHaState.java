package io.cellharness.core.ha;

/** The manager's view of one host (H-03 … H-10). */
public enum HostHaState {
    /** Heartbeats arrive; libvirt and storage answer. */
    UP,
    /** Heartbeats arrive but libvirt does not answer; VMs are left running, an alert says so. */
    DEGRADED,
    /** Heartbeats stopped, or a neighbour reported the host. */
    SUSPECT,
    /** Neighbours are asked, the storage heartbeat is watched. */
    CHECKING,
    /** Unreachable on management but alive on storage (H-07), or heard by neighbours: not fenced. */
    ISOLATED,
    /** Being powered off through its BMC; retried with back-off until confirmed or the lease expires (H-09). */
    FENCING,
    /** Confirmed off (power read back) or its lease expired: its VMs may run elsewhere (H-06). */
    FENCED,
    /** Its HA VMs are being started on other hosts (H-04). */
    RECOVERING,
    /** Every HA VM of the host runs elsewhere or is reported unplaceable. */
    RECOVERED,
    /** Cannot be fenced (no BMC) or checked (no neighbour): recovery only by lease expiry. */
    INELIGIBLE,
    /** HA is off for this host. */
    DISABLED
}
