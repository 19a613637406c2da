package io.cellharness.libvirt.xml;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.CpuVendor;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/**
 * A VM within the documented limits (L-01 … L-04) and a context that can render it; the generators of the XML
 * properties.
 */
public record RenderCase(VmSpec vm, RenderContext context) {

    private static final List<String> INTEL_MODELS = List.of("Haswell-noTSX", "Broadwell-noTSX-IBRS", "Skylake-Server",
            "Cascadelake-Server", "Icelake-Server");
    private static final List<String> AMD_MODELS = List.of("Opteron_G5", "EPYC", "EPYC-Rome", "EPYC-Milan");
    private static final List<String> FEATURES = List.of("aes", "avx2", "pcid", "ssbd", "vmx", "svm", "x2apic",
            "md-clear", "pdpe1gb");

    public static Arbitrary<RenderCase> cases() {
        return Combinators.combine(vms(), contexts()).as(RenderCase::new);
    }

    static Arbitrary<VmSpec> vms() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(1).ofMaxLength(20).map(s -> "vm-" + s);
        Arbitrary<Size> memory = Arbitraries.longs().between(1, Limits.VM_MAX_MEMORY_BYTES / Limits.MIB).map(Size::ofMiB);
        Arbitrary<Integer> vcpus = Arbitraries.integers().between(1, Limits.VM_MAX_VCPUS);
        Arbitrary<HaSpec> ha = Combinators.combine(Arbitraries.of(true, false),
                Arbitraries.of(RestartPriority.class)).as(HaSpec::new);
        Arbitrary<TimeSync> timeSync = Arbitraries.of(TimeSync.class).injectNull(0.3);
        Arbitrary<GraphicsModel> graphics = Arbitraries.of(GraphicsModel.NONE, GraphicsModel.CIRRUS,
                GraphicsModel.VIRTIO_GPU);
        return Builders.withBuilder(VmBuilder::new)
                .use(names).in((b, v) -> {
                    b.name = v;
                    return b;
                })
                .use(memory).in((b, v) -> {
                    b.memory = v;
                    return b;
                })
                .use(vcpus).in((b, v) -> {
                    b.vcpus = v;
                    return b;
                })
                .use(Arbitraries.of(CpuMode.class)).in((b, v) -> {
                    b.cpuMode = v;
                    return b;
                })
                .use(Arbitraries.of(OsType.class)).in((b, v) -> {
                    b.os = v;
                    return b;
                })
                .use(Arbitraries.of(true, false)).in((b, v) -> {
                    b.guestAgent = v;
                    return b;
                })
                .use(Arbitraries.of(true, false)).in((b, v) -> {
                    b.virtioDrivers = v;
                    return b;
                })
                .use(disks().list().ofMaxSize(26)).in((b, v) -> {
                    b.disks = v;
                    return b;
                })
                .use(nics().list().ofMaxSize(Limits.VM_MAX_NICS)).in((b, v) -> {
                    b.nics = v;
                    return b;
                })
                .use(graphics).in((b, v) -> {
                    b.graphics = v;
                    return b;
                })
                .use(ha).in((b, v) -> {
                    b.ha = v;
                    return b;
                })
                .use(timeSync).in((b, v) -> {
                    b.timeSync = v;
                    return b;
                })
                .use(Arbitraries.of(true, false).injectNull(0.5)).in((b, v) -> {
                    b.systemVm = v;
                    return b;
                })
                .use(passthrough()).in((b, v) -> {
                    b.passthrough = v;
                    return b;
                })
                .build(VmBuilder::build);
    }

    private static final class VmBuilder {
        String name;
        Size memory;
        int vcpus;
        CpuMode cpuMode;
        OsType os;
        boolean guestAgent;
        boolean virtioDrivers;
        List<DiskSpec> disks;
        List<VmNicSpec> nics;
        GraphicsModel graphics;
        HaSpec ha;
        TimeSync timeSync;
        PassthroughSpec passthrough;
        Boolean systemVm;

        VmSpec build() {
            // Keep within L-04: at most 4 IDE (and none above 255 vCPUs, where only q35 works), at most 20 virtio.
            List<DiskSpec> kept = new ArrayList<>();
            int ide = 0;
            int virtio = 0;
            for (DiskSpec d : disks) {
                if (d.bus() == DiskBus.IDE) {
                    if (vcpus <= Limits.I440FX_MAX_VCPUS && ide < Limits.VM_MAX_IDE_DISKS) {
                        kept.add(d);
                        ide++;
                    }
                } else if (virtio < Limits.VM_MAX_VIRTIO_DISKS) {
                    kept.add(d);
                    virtio++;
                }
            }
            return new VmSpec(name, memory, vcpus, cpuMode, os, guestAgent, virtioDrivers, kept, nics, graphics, ha,
                    timeSync, null, passthrough, systemVm);
        }
    }

    static Arbitrary<DiskSpec> disks() {
        return Combinators.combine(Arbitraries.of(DiskBus.class), Arbitraries.of(StorageType.class),
                Arbitraries.integers().between(0, 999), Arbitraries.longs().between(1, 64L * 1024 * 1024))
                .as((bus, type, n, mib) -> new DiskSpec(bus, type, VmSpecs.volumeOf(type, n), Size.ofMiB(mib)));
    }

    static Arbitrary<VmNicSpec> nics() {
        Arbitrary<String> macs = Arbitraries.integers().between(0, 0xFFFFFF)
                .map(i -> String.format(Locale.ROOT, "02:ce:11:%02x:%02x:%02x", i >> 16, (i >> 8) & 0xff, i & 0xff))
                .injectNull(0.2);
        Arbitrary<String> networks = Arbitraries.of("br-VM", "br-PN", "br-CN", "br-MGMT", "cloud0");
        Arbitrary<Integer> vlans = Arbitraries.integers().between(Limits.VLAN_MIN, Limits.VLAN_MAX).injectNull(0.3);
        return Combinators.combine(macs, networks, vlans, Arbitraries.of(NicModel.VIRTIO, NicModel.E1000))
                .as(VmNicSpec::new);
    }

    static Arbitrary<PassthroughSpec> passthrough() {
        Arbitrary<String> pci = Combinators.combine(Arbitraries.integers().between(0, 0xffff),
                Arbitraries.integers().between(0, 0xff), Arbitraries.integers().between(0, 0x1f),
                Arbitraries.integers().between(0, 7))
                .as((d, b, s, f) -> String.format(Locale.ROOT, "%04x:%02x:%02x.%x", d, b, s, f));
        Arbitrary<String> luns = Arbitraries.longs().between(0, Long.MAX_VALUE)
                .map(w -> "/dev/disk/by-id/wwn-0x" + Long.toHexString(w));
        return Combinators.combine(pci.list().ofMaxSize(2), luns.list().ofMaxSize(3)).as(PassthroughSpec::new);
    }

    static Arbitrary<RenderContext> contexts() {
        Arbitrary<CpuSpec> cpus = Arbitraries.of(CpuVendor.INTEL, CpuVendor.AMD).flatMap(vendor -> Combinators.combine(
                Arbitraries.of(vendor == CpuVendor.INTEL ? INTEL_MODELS : AMD_MODELS),
                Arbitraries.subsetOf(FEATURES)).as((model, features) ->
                new CpuSpec(vendor, model, CpuGenerations.of(vendor, model), new ArrayList<>(features))));
        Arbitrary<String> endpoint = Combinators.combine(Arbitraries.integers().between(1, 254),
                Arbitraries.integers().between(1, 65535).injectNull(0.3))
                .as((host, port) -> "10.0.0." + host + (port == null ? "" : ":" + port));
        Arbitrary<String> secret = Arbitraries.strings().withChars("0123456789abcdef").ofLength(32)
                .map(h -> h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                        + h.substring(16, 20) + "-" + h.substring(20)).injectNull(0.2);
        return Combinators.combine(Arbitraries.of(DomainType.class), cpus, endpoint.list().ofMinSize(1).ofMaxSize(5),
                secret, endpoint)
                .as((type, cpu, monitors, uuid, portal) -> new RenderContext(type, null, null, cpu, monitors, null,
                        uuid, portal));
    }
}
