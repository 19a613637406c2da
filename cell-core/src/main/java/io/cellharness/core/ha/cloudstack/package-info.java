/**
 * CloudStack KVM Host HA as a second HA policy ({@code ha.policy: cloudstack}): the state machine of CloudStack's
 * {@code HAConfig} (Available, Suspect, Checking, Degraded, Recovering, Recovered, Fencing, Fenced, Ineligible,
 * Disabled), the background poll of {@code HAManagerImpl}, the health and activity checks of
 * {@code KVMHostActivityChecker}, the recovery (power reset) and fence (power off) of {@code KVMHAProvider}, with the
 * defaults of {@code KVMHAConfig} ({@link io.cellharness.core.limits.Limits}, {@code CLOUDSTACK_*}). It is written to
 * reproduce field incidents faithfully, known faults included (a fence declared on an Unknown power state; no exit from
 * Fencing while the BMC refuses). Sees the world only through the ports, on one thread, like the Cell policy.
 * Depends on ha (the engine role, placement, observer), model, limits, capacity, migration, mac, provision, network and
 * port.
 */
package io.cellharness.core.ha.cloudstack;
