package io.cellharness.core.capacity;

/** A resource a placement consumes. */
public enum Resource {
    /** vCPUs against L-05 (8 × physical cores). */
    VCPU,
    /** Memory against physical memory × the memory overcommit factor (L-07). */
    MEMORY,
    /** Local disk against the host's disk capacity × the disk overcommit factor (L-07). */
    DISK
}
