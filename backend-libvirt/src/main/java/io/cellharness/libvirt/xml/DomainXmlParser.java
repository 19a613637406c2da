package io.cellharness.libvirt.xml;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.GraphicsModel;
import io.cellharness.core.model.HaSpec;
import io.cellharness.core.model.NicModel;
import io.cellharness.core.model.OsType;
import io.cellharness.core.model.PassthroughSpec;
import io.cellharness.core.model.RestartPriority;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.TimeSync;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.storage.DiskSource;
import io.cellharness.core.storage.DiskSources;
import io.cellharness.core.storage.InvalidVolumeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a libvirt domain definition (as {@link DomainXmlRenderer} writes it, or as libvirt returns it) back into a
 * {@link VmSpec}. Devices are read from the device elements; what libvirt has no element for comes from Cell's
 * metadata, with the documented defaults when a domain has none.
 */
public final class DomainXmlParser {

    private static final Pattern VLAN_BRIDGE = Pattern.compile("(.+)\\.(\\d{1,4})");

    private DomainXmlParser() {
    }

    /** @throws DomainXmlException with a one-line message naming what could not be read */
    public static ParsedDomain parse(String xml) {
        Element domain = DomXml.parse(xml, "the domain definition");
        if (!"domain".equals(domain.getLocalName())) {
            throw new DomainXmlException("expected a <domain> definition, found <" + domain.getLocalName() + ">");
        }
        String name = DomXml.childText(domain, "name");
        String who = "domain '" + name + "'";
        try {
            return read(domain, name);
        } catch (DomainXmlException e) {
            throw new DomainXmlException(who + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new DomainXmlException(who + ": " + e.getMessage(), e);
        }
    }

    private static ParsedDomain read(Element domain, String name) {
        DomainType type = DomainType.fromXml(domain.getAttribute("type"));
        Element metadata = cellMetadata(domain);
        Size memory = Size.ofBytes(memoryBytes(required(domain, "memory")));
        int vcpus = Integer.parseInt(required(domain, "vcpu").getTextContent().trim());
        Element os = DomXml.firstChild(domain, "os");
        Element osType = os == null ? null : DomXml.firstChild(os, "type");
        MachineType machine = MachineType.fromXml(osType == null ? null : DomXml.attr(osType, "machine"));

        CpuMode cpuMode = CpuMode.HOST_MODEL;
        CpuSpec customCpu = null;
        Element cpu = DomXml.firstChild(domain, "cpu");
        if (cpu != null) {
            String mode = cpu.hasAttribute("mode") ? cpu.getAttribute("mode") : "custom";
            cpuMode = CpuMode.fromYaml(mode);
            if (cpuMode == CpuMode.CUSTOM) {
                customCpu = CpuXml.read(cpu);
            }
        }

        Element devices = required(domain, "devices");
        Map<String, Element> diskMeta = new LinkedHashMap<>();
        if (metadata != null) {
            for (Element d : cellChildren(metadata, "disk")) {
                diskMeta.put(d.getAttribute("target"), d);
            }
        }
        Map<String, DiskSpec> disksByTarget = new LinkedHashMap<>();
        List<String> luns = new ArrayList<>();
        List<String> glueMonitors = new ArrayList<>();
        List<String> iscsiPortals = new ArrayList<>();
        for (Element disk : DomXml.children(devices, "disk")) {
            String device = disk.hasAttribute("device") ? disk.getAttribute("device") : "disk";
            Element source = DomXml.firstChild(disk, "source");
            if (device.equals("lun")) {
                luns.add(source == null ? null : source.getAttribute("dev"));
                continue;
            }
            if (!device.equals("disk")) {
                continue; // cdrom and floppy are not Cell disks
            }
            DiskSpec spec = disk(disk, source, diskMeta, glueMonitors, iscsiPortals);
            disksByTarget.put(DomXml.firstChild(disk, "target").getAttribute("dev"), spec);
        }
        // libvirt keeps disks grouped by bus; the metadata remembers the specification's order.
        List<DiskSpec> disks = new ArrayList<>();
        for (String target : diskMeta.keySet()) {
            DiskSpec d = disksByTarget.remove(target);
            if (d != null) {
                disks.add(d);
            }
        }
        disks.addAll(disksByTarget.values());
        List<String> controllers = new ArrayList<>();
        for (Element hostdev : DomXml.children(devices, "hostdev")) {
            if ("pci".equals(hostdev.getAttribute("type"))) {
                controllers.add(pciAddress(hostdev));
            }
        }
        List<VmNicSpec> nics = new ArrayList<>();
        for (Element iface : DomXml.children(devices, "interface")) {
            nics.add(nic(iface));
        }
        boolean guestAgent = false;
        for (Element channel : DomXml.children(devices, "channel")) {
            Element target = DomXml.firstChild(channel, "target");
            if (target != null && DomainXmlRenderer.GUEST_AGENT_CHANNEL.equals(target.getAttribute("name"))) {
                guestAgent = true;
            }
        }
        GraphicsModel graphics = GraphicsModel.NONE;
        for (Element video : DomXml.children(devices, "video")) {
            Element model = DomXml.firstChild(video, "model");
            String t = model == null ? "" : model.getAttribute("type");
            graphics = switch (t) {
                case "cirrus" -> GraphicsModel.CIRRUS;
                case "virtio" -> GraphicsModel.VIRTIO_GPU;
                case "none" -> GraphicsModel.NONE;
                default -> throw new DomainXmlException("video model '" + t + "' is none of cirrus, virtio (P-01)");
            };
        }

        OsType osFamily = null;
        Boolean virtioDrivers = null;
        HaSpec ha = null;
        TimeSync timeSync = null;
        Boolean systemVm = null;
        if (metadata != null) {
            String family = cellText(metadata, "os");
            osFamily = family == null ? null : OsType.fromYaml(family);
            String drivers = cellText(metadata, "virtio-drivers");
            virtioDrivers = drivers == null ? null : Boolean.valueOf(drivers);
            List<Element> haElements = cellChildren(metadata, "ha");
            if (!haElements.isEmpty()) {
                Element h = haElements.get(0);
                ha = new HaSpec(Boolean.parseBoolean(h.getAttribute("enabled")),
                        h.hasAttribute("priority") ? RestartPriority.fromYaml(h.getAttribute("priority")) : null);
            }
            String sync = cellText(metadata, "time-sync");
            timeSync = sync == null ? null : TimeSync.fromYaml(sync);
            String system = cellText(metadata, "system-vm");
            systemVm = system == null ? null : Boolean.valueOf(system);
        }
        VmSpec vm = new VmSpec(name, memory, vcpus, cpuMode, osFamily, guestAgent, virtioDrivers, disks, nics,
                graphics, ha, timeSync, null, new PassthroughSpec(controllers, luns), systemVm);
        return new ParsedDomain(vm, type, machine, customCpu, glueMonitors,
                iscsiPortals.isEmpty() ? null : iscsiPortals.get(0));
    }

    private static DiskSpec disk(Element disk, Element source, Map<String, Element> diskMeta, List<String> glueMonitors,
                                 List<String> iscsiPortals) {
        Element target = DomXml.firstChild(disk, "target");
        String dev = target == null ? null : target.getAttribute("dev");
        if (dev == null || dev.isEmpty()) {
            throw new DomainXmlException("a disk has no target device");
        }
        String bus = target.getAttribute("bus");
        DiskBus diskBus = switch (bus) {
            case "virtio" -> DiskBus.VIRTIO_BLK;
            case "scsi" -> DiskBus.VIRTIO_SCSI;
            case "ide" -> DiskBus.IDE;
            default -> throw new DomainXmlException("disk " + dev + " is on bus '" + bus + "', not virtio, scsi or ide");
        };
        Element driver = DomXml.firstChild(disk, "driver");
        if (driver != null && driver.hasAttribute("type") && !driver.getAttribute("type").equals("raw")) {
            throw new DomainXmlException("disk " + dev + " has format '" + driver.getAttribute("type")
                    + "'; every Cell disk is raw (S-02)");
        }
        if (source == null) {
            throw new DomainXmlException("disk " + dev + " has no source");
        }
        Element meta = diskMeta.get(dev);
        Size size = meta == null || !meta.hasAttribute("size") ? Size.ofBytes(0) : Size.parse(meta.getAttribute("size"));
        String type = disk.getAttribute("type");
        String actual = sourceText(type, source, dev);
        StorageType storage;
        String volume;
        if (meta != null && meta.hasAttribute("volume")) {
            // Cell's own definition: the volume as written; the source must be the one it stands for.
            storage = StorageType.fromYaml(meta.getAttribute("storage"));
            volume = meta.getAttribute("volume");
            String expected;
            try {
                expected = sourceText(DiskSources.parse(dev, storage, volume));
            } catch (InvalidVolumeException e) {
                throw new DomainXmlException(e.getMessage(), e);
            }
            if (!expected.equals(actual)) {
                throw new DomainXmlException("disk " + dev + " is " + storage + " volume '" + volume + "', which is "
                        + expected + ", but its source is " + actual);
            }
        } else {
            // A domain defined by other tools: read the source as the storage type it most plainly is.
            switch (type) {
                case "network" -> {
                    String protocol = source.getAttribute("protocol");
                    String name = source.getAttribute("name");
                    Element host = DomXml.firstChild(source, "host");
                    switch (protocol) {
                        case "rbd" -> {
                            storage = StorageType.GLUE_RBD;
                            volume = name;
                        }
                        case "iscsi" -> {
                            storage = StorageType.ISCSI;
                            volume = host == null ? name : endpoint(host) + "/" + name;
                        }
                        case "nfs" -> {
                            storage = StorageType.NFS;
                            volume = (host == null ? "" : host.getAttribute("name")) + ":" + name;
                        }
                        default -> throw new DomainXmlException("disk " + dev + " uses protocol '" + protocol
                                + "', which is not a Cell storage type (S-01)");
                    }
                }
                case "file", "block" -> {
                    storage = StorageType.LOCAL;
                    volume = source.getAttribute(type.equals("file") ? "file" : "dev");
                }
                default -> throw new DomainXmlException("disk " + dev + " has type '" + type
                        + "', not network, file or block");
            }
        }
        if (type.equals("network")) {
            List<String> endpoints = new ArrayList<>();
            for (Element host : DomXml.children(source, "host")) {
                endpoints.add(endpoint(host));
            }
            String protocol = source.getAttribute("protocol");
            List<String> firstSeen = protocol.equals("rbd") ? glueMonitors : protocol.equals("iscsi") ? iscsiPortals
                    : new ArrayList<>();
            if (firstSeen.isEmpty()) {
                firstSeen.addAll(endpoints);
            }
        }
        return new DiskSpec(diskBus, storage, volume, size);
    }

    /** What a disk's source element says, in one comparable line: {@code network rbd rbd/x}, {@code block /dev/...}. */
    private static String sourceText(String type, Element source, String dev) {
        return switch (type) {
            case "network" -> "network " + source.getAttribute("protocol") + " " + source.getAttribute("name");
            case "block" -> "block " + source.getAttribute("dev");
            case "file" -> "file " + source.getAttribute("file");
            default -> throw new DomainXmlException("disk " + dev + " has type '" + type + "', not network, file or block");
        };
    }

    /** The same line for the source cell-core derives from a volume (hosts come from the context, not compared). */
    private static String sourceText(DiskSource source) {
        if (source instanceof DiskSource.Network n) {
            return "network " + n.protocol().protocolName() + " " + n.name();
        }
        if (source instanceof DiskSource.BlockDevice b) {
            return "block " + b.devicePath();
        }
        return "file " + ((DiskSource.ImageFile) source).file();
    }

    private static String endpoint(Element host) {
        Integer port = host.hasAttribute("port") ? Integer.valueOf(host.getAttribute("port")) : null;
        return new Endpoint(host.getAttribute("name"), port).toString();
    }

    private static VmNicSpec nic(Element iface) {
        String type = iface.getAttribute("type");
        if (!type.equals("bridge")) {
            throw new DomainXmlException("interface type '" + type + "' is not a native Linux bridge NIC; Cell "
                    + "connects every VM NIC to a Linux bridge (N-01)");
        }
        Element virtualport = DomXml.firstChild(iface, "virtualport");
        if (virtualport != null) {
            String kind = virtualport.getAttribute("type");
            throw new DomainXmlException("interface on bridge '" + bridgeOf(iface) + "' has a virtualport of type '"
                    + kind + "'" + ("openvswitch".equals(kind) ? " (an Open vSwitch port)" : "")
                    + "; Cell uses native Linux bridges only, never Open vSwitch (N-01)");
        }
        Element mac = DomXml.firstChild(iface, "mac");
        Element source = DomXml.firstChild(iface, "source");
        Element model = DomXml.firstChild(iface, "model");
        String bridge = source == null ? null : source.getAttribute("bridge");
        String network = bridge;
        Integer vlan = null;
        Matcher m = bridge == null ? null : VLAN_BRIDGE.matcher(bridge);
        if (m != null && m.matches()) {
            int id = Integer.parseInt(m.group(2));
            if (id >= Limits.VLAN_MIN && id <= Limits.VLAN_MAX) {
                network = m.group(1);
                vlan = id;
            }
        }
        String modelType = model == null ? "virtio" : model.getAttribute("type");
        NicModel nicModel = switch (modelType) {
            case "virtio" -> NicModel.VIRTIO;
            case "e1000" -> NicModel.E1000;
            default -> throw new DomainXmlException("NIC model '" + modelType + "' is neither virtio nor e1000 (P-01)");
        };
        return new VmNicSpec(mac == null ? null : mac.getAttribute("address"), network, vlan, nicModel);
    }

    private static String bridgeOf(Element iface) {
        Element source = DomXml.firstChild(iface, "source");
        return source == null ? "" : source.getAttribute("bridge");
    }

    private static String pciAddress(Element hostdev) {
        Element source = DomXml.firstChild(hostdev, "source");
        Element address = source == null ? null : DomXml.firstChild(source, "address");
        if (address == null) {
            throw new DomainXmlException("a PCI hostdev has no source address");
        }
        return String.format(Locale.ROOT, "%04x:%02x:%02x.%x", hex(address, "domain"), hex(address, "bus"),
                hex(address, "slot"), hex(address, "function"));
    }

    private static int hex(Element address, String attribute) {
        String v = address.getAttribute(attribute);
        return v.startsWith("0x") ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v);
    }

    private static long memoryBytes(Element memory) {
        long value = Long.parseLong(memory.getTextContent().trim());
        String unit = memory.hasAttribute("unit") ? memory.getAttribute("unit") : "KiB";
        long factor = switch (unit) {
            case "b", "bytes" -> 1L;
            case "k", "KiB" -> Limits.KIB;
            case "M", "MiB" -> Limits.MIB;
            case "G", "GiB" -> Limits.GIB;
            case "T", "TiB" -> Limits.TIB;
            default -> throw new DomainXmlException("memory unit '" + unit + "' is not a binary unit");
        };
        return Math.multiplyExact(value, factor);
    }

    private static Element required(Element parent, String name) {
        Element e = DomXml.firstChild(parent, name);
        if (e == null) {
            throw new DomainXmlException("<" + name + "> is missing");
        }
        return e;
    }

    private static Element cellMetadata(Element domain) {
        Element metadata = DomXml.firstChild(domain, "metadata");
        if (metadata == null) {
            return null;
        }
        for (Element e : DomXml.children(metadata)) {
            if (DomainXmlRenderer.CELL_NAMESPACE.equals(e.getNamespaceURI()) && "vm".equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> cellChildren(Element cell, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = cell.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DomainXmlRenderer.CELL_NAMESPACE.equals(e.getNamespaceURI())
                    && local.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String cellText(Element cell, String local) {
        List<Element> found = cellChildren(cell, local);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }
}
