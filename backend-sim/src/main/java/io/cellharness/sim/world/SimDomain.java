package io.cellharness.sim.world;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.DomainState;

/** A domain defined on a simulated host's libvirt. */
public final class SimDomain {

    private final VmSpec spec;
    private DomainState state = DomainState.SHUTOFF;
    private String reason = "defined";
    /** Guest memory actually in use, for overcommit (L-08): a share of its memory until a fault says otherwise. */
    private long usedMemoryBytes;
    /** The host a migration of this domain is copying it to, or null: libvirt runs one job per domain at a time. */
    private String migratingTo;

    SimDomain(VmSpec spec) {
        this.spec = spec;
        this.usedMemoryBytes = (long) (spec.memory().bytes() * Limits.SIM_GUEST_MEMORY_IN_USE);
    }

    public VmSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public DomainState state() {
        return state;
    }

    public String reason() {
        return reason;
    }

    void setState(DomainState newState, String why) {
        state = newState;
        reason = why;
    }

    /** Whether a QEMU process of this domain exists (running or paused). */
    public boolean active() {
        return state == DomainState.RUNNING || state == DomainState.PAUSED || state == DomainState.BLOCKED;
    }

    String migratingTo() {
        return migratingTo;
    }

    void setMigratingTo(String target) {
        migratingTo = target;
    }

    public long usedMemoryBytes() {
        return usedMemoryBytes;
    }

    void setUsedMemoryBytes(long bytes) {
        usedMemoryBytes = bytes;
    }
}
