package io.cellharness.core.network;

import io.cellharness.core.mac.MacAddress;

/**
 * A VM NIC's port on a host bridge (N-04).
 *
 * @param host     the host the port is on
 * @param name     {@code vnet<N>}, N counting ports created on the host since it booted
 * @param vm       the VM
 * @param nicIndex the VM NIC it belongs to (index in the VM's NIC list)
 * @param bridge   the bridge it is attached to
 * @param mac      the NIC's MAC, or null if none was assigned yet
 * @param systemVm whether the VM is a system VM (may use cloud0, N-02)
 */
public record Port(String host, String name, String vm, int nicIndex, BridgeRef bridge, MacAddress mac,
                   boolean systemVm) {

    /** The MAC as a 48-bit value for bond hashing; 0 when unknown. */
    public long macValue() {
        return mac == null ? 0L : mac.value();
    }
}
