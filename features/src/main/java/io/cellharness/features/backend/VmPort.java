package io.cellharness.features.backend;

/**
 * A running VM's NIC plugged into a host bridge (N-03, N-04).
 *
 * @param name   {@code vnet<N>}
 * @param vm     the VM
 * @param nic    the index of the NIC in the VM's NIC list
 * @param bridge the bridge the port is on
 */
public record VmPort(String name, String vm, int nic, String bridge) {

    /** The {@code N} of {@code vnet<N>}, or -1 for a port not named so. */
    public int number() {
        return name.matches("vnet\\d+") ? Integer.parseInt(name.substring("vnet".length())) : -1;
    }
}
