package io.cellharness.libvirt.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.GraphicsModel;
import io.cellharness.core.model.NicModel;
import io.cellharness.core.model.PassthroughSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.TimeSync;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.storage.DiskSource;
import io.cellharness.core.storage.DiskSources;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;

class DomainXmlRendererTest {

    private static final VmSpec AGENT_VM = new VmSpec("vm-1", Size.ofMiB(512), 2, null, null, true, null, null, null,
            null, null, TimeSync.NTP, null, null);

    @Test
    void minimalVmRendersStablePrettyXml() {
        String xml = DomainXmlRenderer.render(AGENT_VM, RenderContext.kvm());

        assertThat(xml).isEqualTo("""
                <domain type="kvm">
                  <name>vm-1</name>
                  <metadata>
                    <cell:vm xmlns:cell="https://cellharness.io/xmlns/domain/1">
                      <cell:os>linux</cell:os>
                      <cell:virtio-drivers>true</cell:virtio-drivers>
                      <cell:ha enabled="false" priority="medium"/>
                      <cell:time-sync>ntp</cell:time-sync>
                    </cell:vm>
                  </metadata>
                  <memory unit="KiB">524288</memory>
                  <currentMemory unit="KiB">524288</currentMemory>
                  <vcpu placement="static">2</vcpu>
                  <os>
                    <type arch="x86_64" machine="pc">hvm</type>
                    <boot dev="hd"/>
                  </os>
                  <features>
                    <acpi/>
                    <apic/>
                  </features>
                  <cpu mode="host-model"/>
                  <clock offset="utc">
                    <timer name="kvmclock" present="yes"/>
                  </clock>
                  <on_poweroff>destroy</on_poweroff>
                  <on_reboot>restart</on_reboot>
                  <on_crash>destroy</on_crash>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                    <channel type="unix">
                      <target type="virtio" name="org.qemu.guest_agent.0"/>
                    </channel>
                  </devices>
                </domain>
                """);
        assertThat(DomainXmlRenderer.render(AGENT_VM, RenderContext.kvm())).isEqualTo(xml);
    }

    @Test
    void guestAgentGetsItsChannelAndKvmClock() { // T-01
        Element devices = devices(DomainXmlRenderer.render(AGENT_VM, RenderContext.kvm()));
        Element domain = (Element) devices.getParentNode();

        assertThat(DomXml.firstChild(DomXml.firstChild(domain, "clock"), "timer").getAttribute("name"))
                .isEqualTo("kvmclock");
        assertThat(DomXml.children(devices, "channel")).singleElement()
                .satisfies(c -> assertThat(DomXml.firstChild(c, "target").getAttribute("name"))
                        .isEqualTo("org.qemu.guest_agent.0"));
        Element without = devices(DomainXmlRenderer.render(VmSpecs.small("quiet"), RenderContext.kvm()));
        assertThat(DomXml.children(without, "channel")).isEmpty();
    }

    @Test
    void moreThan255VcpusNeedQ35SplitIoapicIntelIommuAndX2apic() { // L-02
        VmSpec big = VmSpec.of("big", Size.ofGiB(64), Limits.VM_MAX_VCPUS);
        Element domain = DomXml.parse(DomainXmlRenderer.render(big, RenderContext.kvm()), "test");

        assertThat(DomXml.firstChild(DomXml.firstChild(domain, "os"), "type").getAttribute("machine")).isEqualTo("q35");
        assertThat(DomXml.firstChild(DomXml.firstChild(domain, "features"), "ioapic").getAttribute("driver"))
                .isEqualTo("qemu");
        Element iommu = DomXml.firstChild(DomXml.firstChild(domain, "devices"), "iommu");
        assertThat(iommu.getAttribute("model")).isEqualTo("intel");
        Element driver = DomXml.firstChild(iommu, "driver");
        assertThat(driver.getAttribute("intremap")).isEqualTo("on");
        assertThat(driver.getAttribute("eim")).isEqualTo("on");
        assertThat(DomXml.children(DomXml.firstChild(domain, "cpu"), "feature"))
                .extracting(f -> f.getAttribute("name")).containsExactly("x2apic");
        assertThat(DomXml.childText(domain, "vcpu")).isEqualTo("710");
    }

    @Test
    void customCpuAbove255VcpusGainsX2apicOnce() {
        VmSpec big = VmSpec.of("big", Size.ofGiB(64), 300).withCpuMode(CpuMode.CUSTOM);
        Element cpu = DomXml.firstChild(DomXml.parse(DomainXmlRenderer.render(big, VmSpecs.everything()), "t"), "cpu");

        assertThat(cpu.getAttribute("mode")).isEqualTo("custom");
        assertThat(DomXml.firstChild(cpu, "model").getAttribute("fallback")).isEqualTo("forbid");
        assertThat(DomXml.children(cpu, "feature")).extracting(f -> f.getAttribute("name"))
                .containsExactly("aes", "avx2", "vmx", "x2apic");
    }

    @Test
    void upTo255VcpusStayOnI440fxWithoutIommu() {
        Element domain = DomXml.parse(DomainXmlRenderer.render(VmSpec.of("edge", Size.ofGiB(8), 255),
                RenderContext.kvm()), "t");

        assertThat(DomXml.firstChild(DomXml.firstChild(domain, "os"), "type").getAttribute("machine")).isEqualTo("pc");
        assertThat(DomXml.firstChild(DomXml.firstChild(domain, "devices"), "iommu")).isNull();
        assertThat(DomXml.firstChild(DomXml.firstChild(domain, "features"), "ioapic")).isNull();
    }

    @Test
    void cpuModesRenderAsLibvirtNamesThem() { // C-01
        assertThat(cpuOf(VmSpecs.small("a").withCpuMode(CpuMode.HOST_MODEL)).getAttribute("mode")).isEqualTo("host-model");
        Element passthrough = cpuOf(VmSpecs.small("b").withCpuMode(CpuMode.HOST_PASSTHROUGH));
        assertThat(passthrough.getAttribute("mode")).isEqualTo("host-passthrough");
        assertThat(passthrough.getAttribute("migratable")).isEqualTo("on");
        Element custom = cpuOf(VmSpecs.small("c").withCpuMode(CpuMode.CUSTOM));
        assertThat(DomXml.childText(custom, "model")).isEqualTo("Broadwell-noTSX-IBRS");
        assertThat(DomXml.childText(custom, "vendor")).isEqualTo("Intel");
        assertThat(DomXml.children(custom, "feature")).allSatisfy(f ->
                assertThat(f.getAttribute("policy")).isEqualTo("require"));
    }

    @Test
    void customModeWithoutBaselineIsRefused() { // C-04
        assertThatThrownBy(() -> DomainXmlRenderer.render(VmSpecs.small("c").withCpuMode(CpuMode.CUSTOM),
                RenderContext.kvm()))
                .isInstanceOf(DomainXmlException.class)
                .hasMessageContaining("C-04").hasMessageContaining("baseline");
    }

    @ParameterizedTest
    @EnumSource(StorageType.class)
    void everyStorageTypeIsARawDiskWhereCellCoreSaysItLives(StorageType type) { // S-01, S-02
        DiskSpec spec = VmSpecs.disk(DiskBus.VIRTIO_BLK, type, 1);
        VmSpec vm = VmSpecs.small("s").withDisks(List.of(spec));
        Element disk = DomXml.firstChild(devices(DomainXmlRenderer.render(vm, VmSpecs.everything())), "disk");

        assertThat(DomXml.firstChild(disk, "driver").getAttribute("type")).isEqualTo("raw");
        assertThat(disk.getAttribute("device")).isEqualTo("disk");
        Element source = DomXml.firstChild(disk, "source");
        DiskSource expected = DiskSources.of("s disk 0", spec);
        if (expected instanceof DiskSource.Network n) {
            assertThat(disk.getAttribute("type")).isEqualTo("network");
            assertThat(source.getAttribute("protocol")).isEqualTo(n.protocol().protocolName());
            assertThat(source.getAttribute("name")).isEqualTo(n.name());
            assertThat(DomXml.children(source, "host")).isNotEmpty();
        } else if (expected instanceof DiskSource.BlockDevice b) {
            assertThat(disk.getAttribute("type")).isEqualTo("block");
            assertThat(source.getAttribute("dev")).isEqualTo(b.devicePath()).startsWith("/dev/");
        } else {
            assertThat(disk.getAttribute("type")).isEqualTo("file");
            assertThat(source.getAttribute("file")).isEqualTo(((DiskSource.ImageFile) expected).file());
        }
    }

    @Test
    void sourcesFollowTheVolumeForms() {
        assertThat(sourceOf(StorageType.LINSTOR, "vm-1")).isEqualTo("/dev/drbd/by-res/vm-1/0");
        assertThat(sourceOf(StorageType.FC, "600A0B800012345600000000000000AB"))
                .isEqualTo("/dev/mapper/3600a0b800012345600000000000000ab");
        assertThat(sourceOf(StorageType.POWERFLEX, "1a2b3c4d5e6f7081-9a8b7c6d00000001"))
                .isEqualTo("/dev/disk/by-id/emc-vol-1a2b3c4d5e6f7081-9a8b7c6d00000001");
        assertThat(sourceOf(StorageType.LOCAL, "/dev/cell-vg/vm-1")).isEqualTo("/dev/cell-vg/vm-1");
        assertThat(sourceOf(StorageType.SMB, "//fs1/vms/web-1.raw")).isEqualTo("/var/lib/cell/mnt/smb/fs1/vms/web-1.raw");
        assertThat(sourceOf(StorageType.NFS, "nas1:/exports/vms/web-1.raw")).isEqualTo("nfs /exports/vms/web-1.raw @nas1:");
        assertThat(sourceOf(StorageType.ISCSI, "10.0.1.9/iqn.2024-01.io.cell:store/3"))
                .isEqualTo("iscsi iqn.2024-01.io.cell:store/3 @10.0.1.9:3260");
        assertThatThrownBy(() -> sourceOf(StorageType.GLUE_RBD, "no-pool"))
                .isInstanceOf(DomainXmlException.class).hasMessageContaining("S-01").hasMessageContaining("no-pool");
    }

    /** The source a single disk renders to: a path, or "protocol name @host:port" for network disks. */
    private static String sourceOf(StorageType type, String volume) {
        VmSpec vm = VmSpecs.small("s").withDisks(List.of(new DiskSpec(DiskBus.VIRTIO_BLK, type, volume, Size.ofGiB(1))));
        Element source = DomXml.firstChild(DomXml.firstChild(devices(DomainXmlRenderer.render(vm,
                RenderContext.kvm())), "disk"), "source");
        if (source.hasAttribute("protocol")) {
            Element host = DomXml.firstChild(source, "host");
            return source.getAttribute("protocol") + " " + source.getAttribute("name") + " @"
                    + host.getAttribute("name") + ":" + host.getAttribute("port");
        }
        return source.hasAttribute("dev") ? source.getAttribute("dev") : source.getAttribute("file");
    }

    @Test
    void glueDiskListsMonitorsInTheGivenOrderWithCephSecret() { // S-04, S-05
        List<String> order = new ArrayList<>(VmSpecs.MONITORS);
        Collections.reverse(order);
        VmSpec vm = VmSpecs.small("g").withDisks(List.of(VmSpecs.disk(DiskBus.VIRTIO_BLK, StorageType.GLUE_RBD, 1)));
        Element disk = DomXml.firstChild(devices(DomainXmlRenderer.render(vm,
                VmSpecs.everything().withGlue(order, VmSpecs.SECRET))), "disk");

        assertThat(DomXml.children(DomXml.firstChild(disk, "source"), "host"))
                .extracting(h -> h.getAttribute("name") + ":" + h.getAttribute("port"))
                .containsExactly("10.0.0.13:", "10.0.0.12:6789", "10.0.0.11:6789");
        Element auth = DomXml.firstChild(disk, "auth");
        assertThat(auth.getAttribute("username")).isEqualTo("cell");
        Element secret = DomXml.firstChild(auth, "secret");
        assertThat(secret.getAttribute("type")).isEqualTo("ceph");
        assertThat(secret.getAttribute("uuid")).isEqualTo(VmSpecs.SECRET);
    }

    @Test
    void networkDisksWithoutEndpointsAreRefused() {
        VmSpec glue = VmSpecs.small("g").withDisks(List.of(VmSpecs.disk(DiskBus.VIRTIO_BLK, StorageType.GLUE_RBD, 1)));
        VmSpec iscsi = VmSpecs.small("i").withDisks(List.of(VmSpecs.disk(DiskBus.VIRTIO_BLK, StorageType.ISCSI, 2)));

        assertThatThrownBy(() -> DomainXmlRenderer.render(glue, RenderContext.kvm()))
                .hasMessageContaining("monitor").hasMessageContaining("disks[0]");
        assertThatThrownBy(() -> DomainXmlRenderer.render(iscsi, RenderContext.kvm()))
                .hasMessageContaining("portal");
    }

    @Test
    void busesGetTheirTargetsAndVirtioScsiItsController() { // L-04, P-02
        VmSpec vm = VmSpecs.small("b").withDisks(List.of(
                VmSpecs.disk(DiskBus.VIRTIO_BLK, StorageType.LOCAL, 1),
                VmSpecs.disk(DiskBus.VIRTIO_SCSI, StorageType.FC, 2),
                VmSpecs.disk(DiskBus.IDE, StorageType.NFS, 3),
                VmSpecs.disk(DiskBus.VIRTIO_BLK, StorageType.PURE, 4),
                VmSpecs.disk(DiskBus.VIRTIO_SCSI, StorageType.LINSTOR, 5)));
        Element devices = devices(DomainXmlRenderer.render(vm, VmSpecs.everything()));

        assertThat(DomXml.children(devices, "disk")).extracting(d -> DomXml.firstChild(d, "target").getAttribute("dev")
                + "/" + DomXml.firstChild(d, "target").getAttribute("bus"))
                .containsExactly("vda/virtio", "sda/scsi", "hda/ide", "vdb/virtio", "sdb/scsi");
        assertThat(DomXml.children(devices, "controller")).singleElement().satisfies(c -> {
            assertThat(c.getAttribute("type")).isEqualTo("scsi");
            assertThat(c.getAttribute("model")).isEqualTo("virtio-scsi");
        });
    }

    @Test
    void ideNeedsI440fxAndStopsAtFour() { // L-04
        List<DiskSpec> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(VmSpecs.disk(DiskBus.IDE, StorageType.LOCAL, i));
        }
        assertThatThrownBy(() -> DomainXmlRenderer.render(VmSpecs.small("ide").withDisks(five), RenderContext.kvm()))
                .hasMessageContaining("L-04").hasMessageContaining("5 IDE").hasMessageContaining("(limit 4)");
        VmSpec one = VmSpecs.small("ide").withDisks(five.subList(0, 1));
        assertThatThrownBy(() -> DomainXmlRenderer.render(one, RenderContext.kvm().withMachine(MachineType.Q35)))
                .hasMessageContaining("L-04").hasMessageContaining("i440fx");
        assertThat(DomainXmlRenderer.render(five.size() > 4 ? VmSpecs.small("ide").withDisks(five.subList(0, 4)) : one,
                RenderContext.kvm())).contains("<target dev=\"hdd\" bus=\"ide\"/>");
    }

    @Test
    void documentedLimitsAreRefusedNamingFieldValueAndLimit() { // L-01, L-02, L-03, L-04
        VmSpec tooBig = VmSpec.of("m", Size.ofBytes(Limits.VM_MAX_MEMORY_BYTES + Limits.KIB), 1);
        assertThatThrownBy(() -> DomainXmlRenderer.render(tooBig, RenderContext.kvm()))
                .isInstanceOf(DomainXmlException.class)
                .hasMessageContaining("L-01 vm.memory").hasMessageContaining("(limit 16TiB)");
        assertThatThrownBy(() -> DomainXmlRenderer.render(VmSpec.of("c", Size.ofGiB(1), 711), RenderContext.kvm()))
                .hasMessageContaining("L-02 vm.vcpus = 711 (limit 710)");
        List<VmNicSpec> nine = Collections.nCopies(9, new VmNicSpec(null, null, 101, null));
        assertThatThrownBy(() -> DomainXmlRenderer.render(VmSpecs.small("n").withNics(nine), RenderContext.kvm()))
                .hasMessageContaining("L-03 vm.nics = 9 (limit 8)");
        List<DiskSpec> many = Collections.nCopies(21, VmSpecs.disk(DiskBus.VIRTIO_SCSI, StorageType.LOCAL, 1));
        assertThatThrownBy(() -> DomainXmlRenderer.render(VmSpecs.small("d").withDisks(many), RenderContext.kvm()))
                .hasMessageContaining("L-04").hasMessageContaining("21 virtio").hasMessageContaining("(limit 20)");
        assertThat(DomainXmlRenderer.render(VmSpec.of("max", Size.ofBytes(Limits.VM_MAX_MEMORY_BYTES), 1),
                RenderContext.kvm())).contains("<memory unit=\"KiB\">17179869184</memory>");
    }

    @Test
    void hciPassthroughHandsOverControllersByPciAddressAndLunsAsScsiLuns() { // S-03
        VmSpec vm = new VmSpec("scvm", Size.ofGiB(16), 8, null, null, true, null, null, null, null, null, null, null,
                new PassthroughSpec(List.of("0000:3b:00.0"), List.of("/dev/disk/by-id/wwn-0x5000c500a1b2c3d4")));
        Element devices = devices(DomainXmlRenderer.render(vm, RenderContext.kvm()));

        Element hostdev = DomXml.firstChild(devices, "hostdev");
        assertThat(hostdev.getAttribute("type")).isEqualTo("pci");
        assertThat(hostdev.getAttribute("managed")).isEqualTo("yes");
        Element address = DomXml.firstChild(DomXml.firstChild(hostdev, "source"), "address");
        assertThat(List.of(address.getAttribute("domain"), address.getAttribute("bus"), address.getAttribute("slot"),
                address.getAttribute("function"))).containsExactly("0x0000", "0x3b", "0x00", "0x0");
        Element lun = DomXml.firstChild(devices, "disk");
        assertThat(lun.getAttribute("device")).isEqualTo("lun");
        assertThat(DomXml.firstChild(lun, "source").getAttribute("dev")).isEqualTo("/dev/disk/by-id/wwn-0x5000c500a1b2c3d4");
        assertThat(DomXml.firstChild(lun, "target").getAttribute("bus")).isEqualTo("scsi");
        assertThat(DomXml.firstChild(devices, "controller").getAttribute("model")).isEqualTo("virtio-scsi");

        VmSpec bad = vm.withDisks(List.of());
        VmSpec badPci = new VmSpec("x", Size.ofGiB(1), 1, null, null, false, null, null, null, null, null, null, null,
                new PassthroughSpec(List.of("3b:00.0"), null));
        assertThat(DomainXmlRenderer.render(bad, RenderContext.kvm())).contains("device=\"lun\"");
        assertThatThrownBy(() -> DomainXmlRenderer.render(badPci, RenderContext.kvm()))
                .hasMessageContaining("S-03").hasMessageContaining("'3b:00.0'");
    }

    @Test
    void nicsSitOnTheVlanBridgeWithMacAndModel() { // N-03
        VmSpec vm = VmSpecs.small("n").withNics(List.of(
                new VmNicSpec("02:CE:11:00:00:01", null, 101, NicModel.VIRTIO),
                new VmNicSpec("02:ce:11:00:00:02", "br-PN", null, NicModel.E1000)));
        List<Element> nics = DomXml.children(devices(DomainXmlRenderer.render(vm, RenderContext.kvm())), "interface");

        assertThat(nics).extracting(n -> n.getAttribute("type") + " " + DomXml.firstChild(n, "source").getAttribute("bridge")
                + " " + DomXml.firstChild(n, "mac").getAttribute("address") + " "
                + DomXml.firstChild(n, "model").getAttribute("type"))
                .containsExactly("bridge br-VM.101 02:ce:11:00:00:01 virtio", "bridge br-PN 02:ce:11:00:00:02 e1000");
        VmSpec passthrough = VmSpecs.small("p").withNics(List.of(new VmNicSpec(null, null, null, NicModel.PASSTHROUGH)));
        assertThatThrownBy(() -> DomainXmlRenderer.render(passthrough, RenderContext.kvm()))
                .hasMessageContaining("nics[0]").hasMessageContaining("passthrough");
    }

    @Test
    void graphicsModelsBecomeVideoDevices() {
        VmSpec cirrus = new VmSpec("g", Size.ofMiB(64), 1, null, null, false, null, null, null, GraphicsModel.CIRRUS,
                null, null, null, null);
        assertThat(DomainXmlRenderer.render(cirrus, RenderContext.kvm())).contains("<model type=\"cirrus\"/>");
        VmSpec virtio = new VmSpec("g", Size.ofMiB(64), 1, null, null, false, null, null, null,
                GraphicsModel.VIRTIO_GPU, null, null, null, null);
        assertThat(DomainXmlRenderer.render(virtio, RenderContext.kvm())).contains("<model type=\"virtio\"/>");
    }

    @Test
    void textIsEscaped() {
        VmSpec vm = VmSpecs.small("a<b&c\"");
        String xml = DomainXmlRenderer.render(vm, RenderContext.tcg());
        assertThat(xml).contains("<name>a&lt;b&amp;c\"</name>").startsWith("<domain type=\"qemu\">");
        assertThat(DomainXmlParser.parse(xml).vm().name()).isEqualTo("a<b&c\"");
    }

    private static Element cpuOf(VmSpec vm) {
        return DomXml.firstChild(DomXml.parse(DomainXmlRenderer.render(vm, VmSpecs.everything()), "t"), "cpu");
    }

    private static Element devices(String xml) {
        return DomXml.firstChild(DomXml.parse(xml, "test"), "devices");
    }
}
