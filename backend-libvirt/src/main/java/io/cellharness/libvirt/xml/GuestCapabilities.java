package io.cellharness.libvirt.xml;

import java.util.List;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.w3c.dom.Element;

/**
 * What a host's libvirt says it can run for x86-64 guests, read from its capabilities XML ({@code <guest>}): whether
 * it offers the {@code kvm} domain type (it does only where {@code /dev/kvm} is usable), and how many vCPUs each
 * machine type runs ({@code maxCpus}), by alias and by versioned name.
 *
 * @param kvm          whether {@code <domain type='kvm'/>} is offered for x86-64 HVM guests
 * @param machineVcpus the largest vCPU count per machine name ({@code pc}, {@code q35}, {@code pc-q35-7.2} ...)
 */
public record GuestCapabilities(boolean kvm, TreeMap<String, Integer> machineVcpus) {

    public GuestCapabilities {
        machineVcpus = new TreeMap<>(machineVcpus);
    }

    /** @throws DomainXmlException when the text is not libvirt's capabilities */
    public static GuestCapabilities parse(String capabilitiesXml) {
        Element caps = DomXml.parse(capabilitiesXml, "libvirt's capabilities");
        boolean kvm = false;
        TreeMap<String, Integer> machines = new TreeMap<>();
        for (Element guest : DomXml.children(caps, "guest")) {
            if (!"hvm".equals(DomXml.childText(guest, "os_type"))) {
                continue;
            }
            for (Element arch : DomXml.children(guest, "arch")) {
                if (!CpuXml.ARCH.equals(arch.getAttribute("name"))) {
                    continue;
                }
                for (Element domain : DomXml.children(arch, "domain")) {
                    kvm |= DomainType.KVM.xmlName().equals(domain.getAttribute("type"));
                }
                for (Element machine : DomXml.children(arch, "machine")) {
                    String max = machine.getAttribute("maxCpus");
                    if (max.isEmpty()) {
                        continue;
                    }
                    int cpus = Integer.parseInt(max);
                    for (String name : List.of(machine.getTextContent().trim(), machine.getAttribute("canonical"))) {
                        if (!name.isEmpty()) {
                            machines.merge(name, cpus, Math::max);
                        }
                    }
                }
            }
        }
        return new GuestCapabilities(kvm, machines);
    }

    /** KVM where libvirt offers it, otherwise QEMU's TCG. */
    public DomainType domainType() {
        return kvm ? DomainType.KVM : DomainType.QEMU;
    }

    /** The most vCPUs {@code machine} runs here, if libvirt says. */
    public OptionalInt maxVcpus(MachineType machine) {
        Integer max = machineVcpus.get(machine.xmlName());
        return max == null ? OptionalInt.empty() : OptionalInt.of(max);
    }
}
