package io.cellharness.features.backend;

import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.VmSpec;
import java.util.List;

/**
 * A VM's definition as a host's hypervisor holds it, read back: on libvirt from the domain XML the daemon returns,
 * on the simulator from the simulated libvirtd's domain (which keeps the specification it was given; what a definition
 * adds to it there is what the core's rules derive: disk sources from {@code DiskSources}, KVM's clock).
 *
 * @param vm                the VM in the model's terms (memory, vCPUs, CPU mode, NICs with MACs and bridges, disks)
 * @param customCpu         the CPU model a {@code custom} VM runs (C-04), null for the host modes
 * @param clockSource       the guest clock source the definition gives, e.g. {@code kvm-clock} (T-01)
 * @param guestAgentChannel whether the definition has the QEMU guest agent's channel (T-01)
 * @param disks             each disk as the hypervisor opens it, in disk order (S-01, S-02)
 * @param passthrough       host devices handed to the VM whole: {@code pci <address>} for a SCSI controller,
 *                          {@code lun <device>} for a single host disk (S-03)
 */
public record DefinedVm(VmSpec vm, CpuSpec customCpu, String clockSource, boolean guestAgentChannel,
                        List<DefinedDisk> disks, List<String> passthrough) {

    public DefinedVm {
        disks = List.copyOf(disks);
        passthrough = List.copyOf(passthrough);
    }

    /**
     * One disk of a definition.
     *
     * @param source how the host reaches it: {@code network <protocol> <name>}, {@code block <device>} or
     *               {@code file <path>}
     * @param format the format the hypervisor reads, {@code raw} (S-02)
     */
    public record DefinedDisk(String source, String format) {
    }
}
