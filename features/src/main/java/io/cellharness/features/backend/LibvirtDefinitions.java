package io.cellharness.features.backend;

import io.cellharness.libvirt.xml.DomXml;
import io.cellharness.libvirt.xml.DomainXmlParser;
import io.cellharness.libvirt.xml.DomainXmlRenderer;
import io.cellharness.libvirt.xml.ParsedDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;

/**
 * Reads what a scenario checks out of the domain XML a libvirt daemon returns: the VM in the model's terms
 * ({@link DomainXmlParser}), and the elements that say how the hypervisor will run it (clock, guest agent channel,
 * disk sources, passthrough devices, NIC ports).
 */
final class LibvirtDefinitions {

    private LibvirtDefinitions() {
    }

    static DefinedVm read(String xml) {
        ParsedDomain parsed = DomainXmlParser.parse(xml);
        Element domain = DomXml.parse(xml, "the domain definition");
        Element devices = DomXml.firstChild(domain, "devices");
        List<DefinedVm.DefinedDisk> disks = new ArrayList<>();
        List<String> passthrough = new ArrayList<>();
        boolean agent = false;
        if (devices != null) {
            for (Element hostdev : DomXml.children(devices, "hostdev")) {
                Element source = DomXml.firstChild(hostdev, "source");
                Element address = source == null ? null : DomXml.firstChild(source, "address");
                if ("pci".equals(hostdev.getAttribute("type")) && address != null) {
                    passthrough.add("pci " + String.format(Locale.ROOT, "%04x:%02x:%02x.%x",
                            hex(address, "domain"), hex(address, "bus"), hex(address, "slot"), hex(address, "function")));
                }
            }
            for (Element disk : DomXml.children(devices, "disk")) {
                Element source = DomXml.firstChild(disk, "source");
                if ("lun".equals(disk.getAttribute("device"))) {
                    passthrough.add("lun " + (source == null ? "" : source.getAttribute("dev")));
                } else if ("disk".equals(disk.getAttribute("device"))) {
                    Element driver = DomXml.firstChild(disk, "driver");
                    disks.add(new DefinedVm.DefinedDisk(sourceOf(disk.getAttribute("type"), source),
                            driver == null ? "" : driver.getAttribute("type")));
                }
            }
            for (Element channel : DomXml.children(devices, "channel")) {
                Element target = DomXml.firstChild(channel, "target");
                agent |= target != null && DomainXmlRenderer.GUEST_AGENT_CHANNEL.equals(target.getAttribute("name"));
            }
        }
        return new DefinedVm(parsed.vm(), parsed.customCpu(), clockSource(domain), agent, disks, passthrough);
    }

    /** The port of every NIC of a running domain, from its live definition: {@code <target dev='vnetN'/>}. */
    static List<VmPort> ports(String vm, String liveXml) {
        Element devices = DomXml.firstChild(DomXml.parse(liveXml, "the live definition of " + vm), "devices");
        List<VmPort> ports = new ArrayList<>();
        if (devices == null) {
            return ports;
        }
        List<Element> interfaces = DomXml.children(devices, "interface");
        for (int i = 0; i < interfaces.size(); i++) {
            Element target = DomXml.firstChild(interfaces.get(i), "target");
            Element source = DomXml.firstChild(interfaces.get(i), "source");
            if (target != null) {
                ports.add(new VmPort(target.getAttribute("dev"), vm, i,
                        source == null ? "" : source.getAttribute("bridge")));
            }
        }
        return ports;
    }

    /** T-01: {@code kvm-clock} when the kvmclock timer is present, else what the clock element says. */
    private static String clockSource(Element domain) {
        Element clock = DomXml.firstChild(domain, "clock");
        if (clock == null) {
            return "none";
        }
        for (Element timer : DomXml.children(clock, "timer")) {
            if ("kvmclock".equals(timer.getAttribute("name")) && !"no".equals(timer.getAttribute("present"))) {
                return "kvm-clock";
            }
        }
        return "offset " + clock.getAttribute("offset") + " without kvm-clock";
    }

    /** The words the simulator backend uses too: type, then protocol and name, or the device or file path. */
    private static String sourceOf(String type, Element source) {
        if (source == null) {
            return type;
        }
        return switch (type) {
            case "network" -> "network " + source.getAttribute("protocol") + " " + source.getAttribute("name");
            case "block" -> "block " + source.getAttribute("dev");
            case "file" -> "file " + source.getAttribute("file");
            default -> type;
        };
    }

    private static int hex(Element address, String attribute) {
        String text = address.getAttribute(attribute);
        return Integer.parseInt(text.startsWith("0x") ? text.substring(2) : text, 16);
    }
}
