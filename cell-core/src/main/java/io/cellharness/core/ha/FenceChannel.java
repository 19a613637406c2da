package io.cellharness.core.ha;

/** H-06: the two independent ways a failed host is known not to run its VMs. */
public enum FenceChannel {
    /** The BMC powered it off and the power state was read back as off. */
    POWER_CONFIRMED_OFF,
    /** Neither its storage heartbeat nor its management heartbeats advanced for the lease timeout. */
    LEASE_EXPIRED
}
