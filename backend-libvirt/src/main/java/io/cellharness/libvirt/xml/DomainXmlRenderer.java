package io.cellharness.libvirt.xml;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.GraphicsModel;
import io.cellharness.core.model.NicModel;
import io.cellharness.core.model.OsType;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.storage.DiskSource;
import io.cellharness.core.storage.DiskSources;
import io.cellharness.core.storage.HostAddress;
import io.cellharness.core.storage.InvalidVolumeException;
import io.cellharness.core.storage.NetworkProtocol;
import io.cellharness.core.validation.Problem;
import io.cellharness.core.validation.SpecValidator;
import io.cellharness.core.validation.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a {@link VmSpec} as a libvirt domain definition (A-02: users never write libvirt XML). The output is stable:
 * the same VM and context always give the same bytes.
 *
 * <p>What is rendered, by catalogue ID: memory and vCPUs within L-01/L-02 (above 255 vCPUs the q35 machine, a
 * split I/O APIC, an Intel IOMMU with interrupt remapping and extended interrupt mode, and x2apic); NICs on
 * {@code br-VM.<vlan>} (L-03, N-03); virtio-blk, virtio-scsi and IDE disks (L-04; IDE on i440fx only); every storage
 * type of S-01 as a RAW disk (S-02) where cell-core's {@link DiskSources} says it lives; HCI passthrough of SCSI controllers and LUNs
 * (S-03); CPU modes (C-01, C-04); the kvm-clock timer and the guest agent channel (T-01). What libvirt has no element
 * for (OS family, HA, time sync, system VM, each disk's storage type, volume and size) is kept in the domain's {@code <metadata>} under
 * {@link #CELL_NAMESPACE}.
 */
public final class DomainXmlRenderer {

    /** The XML namespace of Cell's domain metadata. */
    public static final String CELL_NAMESPACE = "https://cellharness.io/xmlns/domain/1";
    public static final String CELL_PREFIX = "cell";
    /** The virtio-serial channel name of the QEMU guest agent (T-01). */
    public static final String GUEST_AGENT_CHANNEL = "org.qemu.guest_agent.0";
    /** The feature that lets a guest address more than 255 APIC IDs. */
    public static final String X2APIC = "x2apic";

    private static final Pattern PCI_ADDRESS =
            Pattern.compile("([0-9a-f]{4}):([0-9a-f]{2}):([0-9a-f]{2})\\.([0-7])");

    private DomainXmlRenderer() {
    }

    /**
     * The domain definition of {@code vm}.
     *
     * @throws DomainXmlException with a one-line message when the VM breaks a documented limit or the context lacks
     *                            something its disks or CPU mode need
     */
    public static String render(VmSpec vm, RenderContext context) {
        return domain(vm, context).toXml();
    }

    /** The machine a VM is rendered with: the context's, or q35 above 255 vCPUs and i440fx otherwise. */
    public static MachineType machineFor(VmSpec vm, RenderContext context) {
        if (context.machine() != null) {
            return context.machine();
        }
        return vm.vcpus() > Limits.I440FX_MAX_VCPUS ? MachineType.Q35 : MachineType.I440FX;
    }

    /** The CPU a {@code custom} VM gets: the context's, plus x2apic above 255 vCPUs. */
    public static CpuSpec effectiveCustomCpu(VmSpec vm, RenderContext context) {
        CpuSpec cpu = context.customCpu();
        if (cpu == null || vm.vcpus() <= Limits.I440FX_MAX_VCPUS || cpu.features().contains(X2APIC)) {
            return cpu;
        }
        List<String> features = new ArrayList<>(cpu.features());
        features.add(X2APIC);
        return new CpuSpec(cpu.vendor(), cpu.model(), cpu.generation(), features);
    }

    static XmlElement domain(VmSpec vm, RenderContext ctx) {
        String who = "VM '" + vm.name() + "'";
        if (vm.name() == null || vm.name().isBlank()) {
            throw new DomainXmlException("a VM needs a name to become a libvirt domain");
        }
        ValidationReport report = SpecValidator.validateVm(vm);
        if (!report.valid()) {
            throw new DomainXmlException(who + ": " + report.errors().stream().map(Problem::oneLine)
                    .collect(Collectors.joining("; ")));
        }
        MachineType machine = machineFor(vm, ctx);
        boolean large = vm.vcpus() > Limits.I440FX_MAX_VCPUS;
        if (large && machine != MachineType.Q35) {
            throw new DomainXmlException(who + ": L-02 vm.vcpus = " + vm.vcpus() + " needs the q35 machine; i440fx runs at most "
                    + Limits.I440FX_MAX_VCPUS + " vCPUs");
        }
        if (machine == MachineType.Q35 && vm.disks().stream().anyMatch(d -> d.bus() == DiskBus.IDE)) {
            throw new DomainXmlException(who + ": L-04 vm.disks: IDE disks need the i440fx machine, not q35; use virtio-blk");
        }
        if (vm.memory().bytes() % Limits.KIB != 0) {
            throw new DomainXmlException(who + ": L-01 vm.memory = " + vm.memory().bytes()
                    + " bytes is not a whole number of KiB, which libvirt needs");
        }

        XmlElement domain = XmlElement.of("domain").attr("type", ctx.domainType().xmlName());
        domain.textChild("name", vm.name());
        domain.child("metadata").add(metadata(vm));
        long kib = vm.memory().bytes() / Limits.KIB;
        domain.child("memory").attr("unit", "KiB").text(kib);
        domain.child("currentMemory").attr("unit", "KiB").text(kib);
        domain.child("vcpu").attr("placement", "static").text(vm.vcpus());
        XmlElement os = domain.child("os");
        os.child("type").attr("arch", CpuXml.ARCH).attr("machine", machine.xmlName()).text("hvm");
        os.child("boot").attr("dev", "hd");
        XmlElement features = domain.child("features");
        features.child("acpi");
        features.child("apic");
        if (large) {
            // More than 255 APIC IDs need interrupt remapping, which needs the I/O APIC emulated in QEMU.
            features.child("ioapic").attr("driver", "qemu");
        }
        domain.add(cpu(vm, ctx, who));
        XmlElement clock = domain.child("clock").attr("offset", vm.os() == OsType.WINDOWS ? "localtime" : "utc");
        clock.child("timer").attr("name", "kvmclock").attr("present", "yes"); // T-01
        domain.textChild("on_poweroff", "destroy");
        domain.textChild("on_reboot", "restart");
        domain.textChild("on_crash", "destroy");
        domain.add(devices(vm, ctx, who, large));
        return domain;
    }

    private static XmlElement metadata(VmSpec vm) {
        String p = CELL_PREFIX + ":";
        XmlElement cell = XmlElement.of(p + "vm").attr("xmlns:" + CELL_PREFIX, CELL_NAMESPACE);
        cell.textChild(p + "os", vm.os().yamlName());
        cell.textChild(p + "virtio-drivers", vm.hasVirtioDrivers());
        cell.child(p + "ha").attr("enabled", vm.ha().enabled()).attr("priority", vm.ha().priority().yamlName());
        if (vm.timeSync() != null) {
            cell.textChild(p + "time-sync", vm.timeSync().yamlName());
        }
        if (vm.systemVm() != null) {
            cell.textChild(p + "system-vm", vm.systemVm());
        }
        List<String> targets = diskTargets(vm);
        for (int i = 0; i < vm.disks().size(); i++) {
            DiskSpec d = vm.disks().get(i);
            // The volume as the user wrote it: the device source below is derived from it.
            cell.child(p + "disk").attr("target", targets.get(i)).attr("storage", d.storage().yamlName())
                    .attr("volume", d.volume()).attr("size", d.size());
        }
        return cell;
    }

    private static XmlElement cpu(VmSpec vm, RenderContext ctx, String who) {
        boolean large = vm.vcpus() > Limits.I440FX_MAX_VCPUS;
        if (vm.cpuMode() == CpuMode.CUSTOM) {
            if (ctx.customCpu() == null) {
                throw new DomainXmlException(who + ": C-04 cpuMode custom needs the cluster's baseline CPU in the render context");
            }
            return CpuXml.guest(effectiveCustomCpu(vm, ctx));
        }
        XmlElement cpu = XmlElement.of("cpu").attr("mode", vm.cpuMode().yamlName());
        if (vm.cpuMode() == CpuMode.HOST_PASSTHROUGH) {
            cpu.attr("check", "none").attr("migratable", "on");
        }
        if (large) {
            cpu.child("feature").attr("policy", "require").attr("name", X2APIC);
        }
        return cpu;
    }

    /** Target device names in disk order: vda.. for virtio-blk, sda.. for virtio-scsi, hda..hdd for IDE. */
    static List<String> diskTargets(VmSpec vm) {
        List<String> targets = new ArrayList<>();
        int vd = 0;
        int sd = 0;
        int hd = 0;
        for (DiskSpec d : vm.disks()) {
            targets.add(switch (d.bus()) {
                case VIRTIO_BLK -> target("vd", vd++);
                case VIRTIO_SCSI -> target("sd", sd++);
                case IDE -> target("hd", hd++);
            });
        }
        return targets;
    }

    /** Linux's disk naming: a..z, then aa, ab ... */
    static String target(String prefix, int index) {
        StringBuilder letters = new StringBuilder();
        int i = index;
        do {
            letters.insert(0, (char) ('a' + i % 26));
            i = i / 26 - 1;
        } while (i >= 0);
        return prefix + letters;
    }

    private static XmlElement devices(VmSpec vm, RenderContext ctx, String who, boolean large) {
        XmlElement devices = XmlElement.of("devices");
        devices.textChild("emulator", ctx.emulator());
        List<String> targets = diskTargets(vm);
        for (int i = 0; i < vm.disks().size(); i++) {
            devices.add(disk(vm, i, targets.get(i), ctx, who + " disks[" + i + "]"));
        }
        long scsiDisks = vm.disks().stream().filter(d -> d.bus() == DiskBus.VIRTIO_SCSI).count();
        List<String> luns = vm.passthrough().luns();
        for (int i = 0; i < luns.size(); i++) {
            String path = luns.get(i);
            if (path == null || !path.startsWith("/dev/")) {
                throw new DomainXmlException(who + ": S-03 passthrough.luns[" + i + "] = '" + path
                        + "' is not a host block device path under /dev/");
            }
            // LUN passthrough (S-03): the guest sees the host disk's SCSI device; the hypervisor does not manage it.
            XmlElement lun = devices.child("disk").attr("type", "block").attr("device", "lun");
            lun.child("driver").attr("name", "qemu").attr("type", "raw").attr("cache", "none").attr("io", "native");
            lun.child("source").attr("dev", path);
            lun.child("target").attr("dev", target("sd", (int) scsiDisks + i)).attr("bus", "scsi");
        }
        if (scsiDisks > 0 || !luns.isEmpty()) {
            devices.child("controller").attr("type", "scsi").attr("index", 0).attr("model", "virtio-scsi");
        }
        List<String> controllers = vm.passthrough().scsiControllers();
        for (int i = 0; i < controllers.size(); i++) {
            devices.add(pciHostdev(controllers.get(i), who + ": S-03 passthrough.scsiControllers[" + i + "]"));
        }
        for (int i = 0; i < vm.nics().size(); i++) {
            devices.add(nic(vm.nics().get(i), who + " nics[" + i + "]"));
        }
        if (vm.guestAgent()) {
            XmlElement channel = devices.child("channel").attr("type", "unix");
            channel.child("target").attr("type", "virtio").attr("name", GUEST_AGENT_CHANNEL);
        }
        if (vm.graphics() != GraphicsModel.NONE) {
            devices.child("video").child("model").attr("type", switch (vm.graphics()) {
                case CIRRUS -> "cirrus";
                case VIRTIO_GPU -> "virtio";
                case PASSTHROUGH -> throw new DomainXmlException(who + ": graphics passthrough needs a host GPU, "
                        + "which a VM specification does not name; use virtio-gpu");
                case NONE -> throw new IllegalStateException("unreachable");
            });
        }
        if (large) {
            devices.child("iommu").attr("model", "intel").child("driver").attr("intremap", "on").attr("eim", "on");
        }
        return devices;
    }

    private static XmlElement disk(VmSpec vm, int index, String target, RenderContext ctx, String where) {
        DiskSpec d = vm.disks().get(index);
        DiskSource source;
        try {
            source = DiskSources.of(diskName(vm, index), d);
        } catch (InvalidVolumeException e) {
            throw new DomainXmlException(where + ": " + e.getMessage(), e);
        }
        XmlElement disk = XmlElement.of("disk");
        if (source instanceof DiskSource.Network network) {
            disk.attr("type", "network").attr("device", "disk");
            raw(disk, false);
            XmlElement src = disk.child("source").attr("protocol", network.protocol().protocolName())
                    .attr("name", network.name());
            if (network.protocol() == NetworkProtocol.RBD) {
                if (ctx.glueMonitors().isEmpty()) {
                    throw new DomainXmlException(where + ": a Glue (Ceph RBD) disk needs the monitor list in the render context (S-04)");
                }
                hosts(src, ctx.glueMonitors(), where + ": Glue monitor");
                if (ctx.cephSecretUuid() != null) {
                    disk.child("auth").attr("username", ctx.cephUser())
                            .child("secret").attr("type", "ceph").attr("uuid", ctx.cephSecretUuid());
                }
            } else if (!network.hosts().isEmpty()) {
                for (HostAddress host : network.hosts()) {
                    XmlElement h = src.child("host").attr("name", host.name());
                    // libvirt's QEMU driver refuses a port on an NFS host ("port cannot be specified"): QEMU's NFS
                    // client asks the server's portmapper, which answers 2049.
                    if (network.protocol() != NetworkProtocol.NFS) {
                        h.attr("port", host.port());
                    }
                }
                if (network.protocol() == NetworkProtocol.NFS) {
                    // libvirt requires the identity QEMU's NFS client presents; uid/gid 0 as in libvirt's own example,
                    // the export decides what that maps to.
                    src.child("identity").attr("user", "+0").attr("group", "+0");
                }
            } else if (ctx.iscsiPortal() != null) {
                hosts(src, List.of(ctx.iscsiPortal()), where + ": iSCSI portal");
            } else {
                throw new DomainXmlException(where + ": iSCSI volume '" + d.volume()
                        + "' names no portal and the render context has none");
            }
        } else if (source instanceof DiskSource.BlockDevice block) {
            disk.attr("type", "block").attr("device", "disk");
            raw(disk, true);
            disk.child("source").attr("dev", block.devicePath());
        } else if (source instanceof DiskSource.ImageFile file) {
            disk.attr("type", "file").attr("device", "disk");
            raw(disk, true);
            disk.child("source").attr("file", file.file());
        }
        disk.child("target").attr("dev", target).attr("bus", switch (d.bus()) {
            case VIRTIO_BLK -> "virtio";
            case VIRTIO_SCSI -> "scsi";
            case IDE -> "ide";
        });
        return disk;
    }

    /** How storage messages name a disk, e.g. {@code web-1 disk 0}. */
    static String diskName(VmSpec vm, int index) {
        return vm.name() + " disk " + index;
    }

    /** S-02: every disk is RAW; host page cache off so that a path change never serves stale data (S-05). */
    private static void raw(XmlElement disk, boolean nativeIo) {
        XmlElement driver = disk.child("driver").attr("name", "qemu").attr("type", "raw").attr("cache", "none");
        if (nativeIo) {
            driver.attr("io", "native");
        }
    }

    private static void hosts(XmlElement source, List<String> endpoints, String what) {
        for (String text : endpoints) {
            Endpoint e;
            try {
                e = Endpoint.parse(text, what);
            } catch (IllegalArgumentException ex) {
                throw new DomainXmlException(ex.getMessage(), ex);
            }
            source.child("host").attr("name", e.host()).attr("port", e.port());
        }
    }

    private static XmlElement pciHostdev(String address, String where) {
        Matcher m = PCI_ADDRESS.matcher(address == null ? "" : address.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new DomainXmlException(where + " = '" + address + "' is not a PCI address like 0000:3b:00.0");
        }
        // Whole-controller passthrough (S-03): libvirt detaches it from the host driver and hands it to VFIO.
        XmlElement hostdev = XmlElement.of("hostdev").attr("mode", "subsystem").attr("type", "pci").attr("managed", "yes");
        hostdev.child("source").child("address").attr("domain", "0x" + m.group(1)).attr("bus", "0x" + m.group(2))
                .attr("slot", "0x" + m.group(3)).attr("function", "0x" + m.group(4));
        return hostdev;
    }

    private static XmlElement nic(VmNicSpec nic, String where) {
        if (nic.model() == NicModel.PASSTHROUGH) {
            throw new DomainXmlException(where + ": NIC passthrough needs a host VF, which a VM specification does not "
                    + "name; use virtio or e1000 on a bridge");
        }
        // N-01: a native Linux bridge, never an Open vSwitch port (no <virtualport>).
        XmlElement e = XmlElement.of("interface").attr("type", "bridge");
        if (nic.mac() != null) {
            e.child("mac").attr("address", nic.mac().toLowerCase(Locale.ROOT));
        }
        e.child("source").attr("bridge", nic.bridge()); // N-03: br-VM.<vlan>
        e.child("model").attr("type", nic.model() == NicModel.E1000 ? "e1000" : "virtio");
        return e;
    }
}
