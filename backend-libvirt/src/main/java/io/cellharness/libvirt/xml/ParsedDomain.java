package io.cellharness.libvirt.xml;

import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.VmSpec;
import java.util.List;

/**
 * A domain definition read back: the VM, and the rendering facts that are not part of a {@link VmSpec}.
 *
 * @param vm           the VM ({@code host} is always null: where a domain runs is not part of its definition)
 * @param domainType   kvm or qemu
 * @param machine      the machine family
 * @param customCpu    the CPU of a {@code custom} VM, null for the host modes
 * @param glueMonitors the monitors of the first Glue disk, in the order written (S-04/S-05)
 * @param iscsiPortal  the portal of the first iSCSI disk, or null
 */
public record ParsedDomain(VmSpec vm, DomainType domainType, MachineType machine, CpuSpec customCpu,
                           List<String> glueMonitors, String iscsiPortal) {

    public ParsedDomain {
        glueMonitors = List.copyOf(glueMonitors);
    }
}
