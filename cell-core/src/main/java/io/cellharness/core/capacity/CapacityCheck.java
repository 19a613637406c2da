package io.cellharness.core.capacity;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Overcommit;
import io.cellharness.core.model.VmSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * L-05 and L-07: whether a VM fits a host.
 *
 * <ul>
 *   <li>vCPUs of all VMs on a host are at most {@link Limits#HOST_VCPU_PER_CORE_RATIO} × physical cores (L-05);</li>
 *   <li>memory of all VMs is at most physical memory × the memory overcommit factor, 1 (off) by default (L-07);</li>
 *   <li>local disk of all VMs is at most the host's disk capacity × the disk overcommit factor (L-07), when the host
 *       declares a disk capacity.</li>
 * </ul>
 * vCPUs beyond the physical cores (but within L-05) fit, flagged as CPU overcommit.
 */
public final class CapacityCheck {

    private CapacityCheck() {
    }

    public static long vcpuCapacity(HostSpec host) {
        return (long) host.cores() * Limits.HOST_VCPU_PER_CORE_RATIO;
    }

    public static long memoryCapacity(HostSpec host, Overcommit overcommit) {
        return (long) Math.floor(host.memory().bytes() * overcommit.memory());
    }

    public static long diskCapacity(HostSpec host, Overcommit overcommit) {
        return host.disk() == null ? Long.MAX_VALUE : (long) Math.floor(host.disk().bytes() * overcommit.disk());
    }

    public static PlacementDecision check(HostSpec host, HostLoad load, VmSpec vm, Overcommit overcommit) {
        List<Shortfall> shortfalls = new ArrayList<>(3);
        long vcpuCap = vcpuCapacity(host);
        if (load.vcpus() + vm.vcpus() > vcpuCap) {
            shortfalls.add(new Shortfall(host.name(), Resource.VCPU, vm.vcpus(), Math.max(0, vcpuCap - load.vcpus()),
                    vcpuCap, "L-05"));
        }
        long memCap = memoryCapacity(host, overcommit);
        if (load.memoryBytes() + vm.memory().bytes() > memCap) {
            shortfalls.add(new Shortfall(host.name(), Resource.MEMORY, vm.memory().bytes(),
                    Math.max(0, memCap - load.memoryBytes()), memCap, "L-07"));
        }
        long diskCap = diskCapacity(host, overcommit);
        long disk = vm.localDiskBytes();
        if (disk > 0 && load.diskBytes() + disk > diskCap) {
            shortfalls.add(new Shortfall(host.name(), Resource.DISK, disk, Math.max(0, diskCap - load.diskBytes()),
                    diskCap, "L-07"));
        }
        if (!shortfalls.isEmpty()) {
            return new PlacementDecision.Refused(shortfalls);
        }
        return new PlacementDecision.Fits(load.vcpus() + vm.vcpus() > host.cores());
    }
}
