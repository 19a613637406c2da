package io.cellharness.core.ha;

/**
 * H-06: the ways an HA policy declares that a failed host does not run its VMs any more. The Cell policy uses only
 * the two independent channels H-06 names; the CloudStack policy declares fences the way CloudStack does, which the
 * simulator's invariants then hold against the ground truth.
 */
public enum FenceChannel {
    /** The BMC powered it off and the power state was read back as off. */
    POWER_CONFIRMED_OFF,
    /** Neither its storage heartbeat nor its management heartbeats advanced for the lease timeout. */
    LEASE_EXPIRED,
    /** CloudStack: the BMC accepted a power-off command; the power state was not read back. */
    POWER_OFF_ACCEPTED,
    /** CloudStack: the cached out-of-band power state was Unknown and the fence was declared done without a command. */
    POWER_STATE_UNKNOWN,
    /** CloudStack: recovery; the BMC accepted a power reset, after which the host's VMs are restarted elsewhere. */
    POWER_RESET_ACCEPTED
}
