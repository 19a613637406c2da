package io.cellharness.core.port;

/** Connections to the hypervisors of a cluster, from the node that holds this object. */
@FunctionalInterface
public interface Hypervisors {

    /** The hypervisor of {@code host}, reached from here (locally on the host itself, remotely otherwise). */
    Hypervisor of(String host);
}
