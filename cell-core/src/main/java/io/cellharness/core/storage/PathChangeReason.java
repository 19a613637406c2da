package io.cellharness.core.storage;

/** Why a host's (or a VM's) I/O path changed. */
public enum PathChangeReason {
    /** A host was registered and got its first path. */
    INITIAL,
    /** A monitor was registered and the path moved to it, or the host's first path appeared. */
    MONITOR_ADDED,
    /** S-05: the path's monitor missed the threshold of probes; the I/O moved to the nearest answering monitor. */
    FAILOVER,
    /** S-06: a monitor nearer than the path's answers again (after any S-09 hold); the I/O moved back to it. */
    FAILBACK,
    /** S-08: the path's monitor is down and no other answers; the I/O is held (VM paused on I/O). */
    STALL,
    /** S-08: a monitor answered while the I/O was held; the held writes are replayed through it. */
    RESUME,
    /** A VM started on, or migrated to, this host and takes its path. */
    VM_ATTACHED,
    /** A VM stopped or left this host. */
    VM_DETACHED
}
