package io.cellharness.core.mac;

/**
 * A NIC, named by its VM and its position in the VM's NIC list.
 */
public record NicRef(String vm, int index) {

    @Override
    public String toString() {
        return vm + ".nics[" + index + "]";
    }
}
