package io.cellharness.core.capacity;

import io.cellharness.core.model.VmSpec;

/**
 * What the VMs placed on a host consume: vCPUs, memory and local disk.
 */
public record HostLoad(long vcpus, long memoryBytes, long diskBytes) {

    public static final HostLoad EMPTY = new HostLoad(0, 0, 0);

    public static HostLoad of(Iterable<VmSpec> vms) {
        HostLoad load = EMPTY;
        for (VmSpec vm : vms) {
            load = load.plus(vm);
        }
        return load;
    }

    public HostLoad plus(VmSpec vm) {
        return new HostLoad(vcpus + vm.vcpus(), memoryBytes + vm.memory().bytes(), diskBytes + vm.localDiskBytes());
    }

    public HostLoad minus(VmSpec vm) {
        return new HostLoad(vcpus - vm.vcpus(), memoryBytes - vm.memory().bytes(), diskBytes - vm.localDiskBytes());
    }
}
