package io.cellharness.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.cpu.CpuCatalogue;
import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.CpuVendor;
import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.NicModel;
import io.cellharness.core.model.PassthroughSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.TimeSync;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.CpuComparison;
import io.cellharness.core.port.DomainInfo;
import io.cellharness.core.port.HostCapabilities;
import io.cellharness.core.port.Hypervisor;
import io.cellharness.core.port.MigrationRequest;
import io.cellharness.core.port.OpResult;
import io.cellharness.libvirt.connect.LibvirtSettings;
import io.cellharness.libvirt.xml.DomainXmlParser;
import io.cellharness.libvirt.xml.ParsedDomain;
import io.cellharness.libvirt.xml.RenderContext;
import io.cellharness.libvirt.xml.VmSpecs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on libvirt's test driver: fast, in-process, one custom node file per simulated host. */
class TestDriverHypervisorTest extends LibvirtHypervisorContract {

    @TempDir
    static Path nodes;

    private static ThreadPoolExecutor calls;
    private static LibvirtHypervisor hostA;
    private static LibvirtHypervisor hostB;

    @BeforeAll
    static void openHosts() {
        calls = LibvirtCallExecutors.bounded("test-driver");
        hostA = new LibvirtHypervisor("host-a", TestDriverNode.write(nodes, "host-a", 2, 8, 64L * 1024 * 1024),
                VmSpecs.everything(), MigrationPeers.none(), calls, EngineThread.EXECUTOR, LibvirtSettings.DEFAULTS);
        hostB = new LibvirtHypervisor("host-b", TestDriverNode.write(nodes, "host-b", 1, 4, 8L * 1024 * 1024),
                VmSpecs.everything(), MigrationPeers.none(), calls, EngineThread.EXECUTOR, LibvirtSettings.DEFAULTS);
    }

    @AfterAll
    static void closeHosts() {
        hostA.close();
        hostB.close();
        calls.shutdownNow();
    }

    @Override
    protected Hypervisor hypervisor() {
        return hostA;
    }

    @Test
    void capabilitiesAreTheNodeFilesTopology() {
        HostCapabilities a = ok(hostA.capabilities());
        HostCapabilities b = ok(hostB.capabilities());

        assertThat(a.cores()).isEqualTo(16); // 2 sockets x 8 cores; threads are not cores (L-05)
        assertThat(a.memoryBytes()).isEqualTo(64 * Limits.GIB);
        assertThat(b.cores()).isEqualTo(4);
        assertThat(b.memoryBytes()).isEqualTo(8 * Limits.GIB);
    }

    @Test
    void eachNodeFileIsItsOwnHost() {
        String name = newVmName("separate");
        ok(hostA.define(startableVm(name)));
        try {
            assertThat(ok(hostB.list())).extracting(DomainInfo::name).doesNotContain(name);
        } finally {
            ok(hostA.undefine(name));
        }
    }

    @Test
    void aVmWithEveryStorageTypeAndPassthroughPassesLibvirtsSchema() { // S-01, S-02, S-03, N-03, T-01
        List<DiskSpec> disks = new ArrayList<>();
        int n = 0;
        for (StorageType type : StorageType.values()) {
            disks.add(VmSpecs.disk(n % 2 == 0 ? DiskBus.VIRTIO_BLK : DiskBus.VIRTIO_SCSI, type, n));
            n++;
        }
        disks.add(VmSpecs.disk(DiskBus.IDE, StorageType.NFS, 99));
        VmSpec vm = new VmSpec(newVmName("full"), Size.ofGiB(8), 4, CpuMode.CUSTOM, null, true, null, disks,
                List.of(new VmNicSpec("02:ce:11:00:10:01", null, 101, NicModel.VIRTIO),
                        new VmNicSpec("02:ce:11:00:10:02", "br-PN", null, NicModel.E1000)),
                null, null, TimeSync.CHRONY, null,
                new PassthroughSpec(List.of("0000:3b:00.0"), List.of("/dev/disk/by-id/wwn-0x5000c500a1b2c3d4")));

        ok(hostA.define(vm)); // with VIR_DOMAIN_DEFINE_VALIDATE: libvirt's RelaxNG schema accepts it
        try {
            ParsedDomain back = DomainXmlParser.parse(ok(hostA.domainXml(vm.name())));
            assertThat(back.vm()).isEqualTo(vm);
            assertThat(back.customCpu()).isEqualTo(VmSpecs.BROADWELL);
            assertThat(back.glueMonitors()).isEqualTo(VmSpecs.MONITORS);
        } finally {
            ok(hostA.undefine(vm.name()));
        }
    }

    @Test
    void aLargeVmDefinesWithItsIommu() { // L-02
        VmSpec big = VmSpec.of(newVmName("big"), Size.ofGiB(64), Limits.VM_MAX_VCPUS);
        ok(hostA.define(big));
        try {
            String live = ok(hostA.domainXml(big.name()));
            assertThat(live).contains("<vcpu placement='static'>710</vcpu>").contains("<iommu model='intel'>")
                    .contains("eim='on'").contains("<ioapic driver='qemu'/>");
            assertThat(DomainXmlParser.parse(live).vm()).isEqualTo(big);
        } finally {
            ok(hostA.undefine(big.name()));
        }
    }

    @Test
    void xmlLibvirtRefusesIsADefiniteFailure() {
        // A VM whose Glue secret is not a UUID renders, but libvirt's schema refuses it: nothing was defined.
        LibvirtHypervisor strict = new LibvirtHypervisor("host-a", hostA.uri(),
                VmSpecs.everything().withGlue(VmSpecs.MONITORS, "not-a-uuid"), MigrationPeers.none(), calls,
                EngineThread.EXECUTOR, LibvirtSettings.DEFAULTS);
        try {
            String name = newVmName("invalid");
            OpResult<Void> r = await(strict.define(VmSpecs.small(name).withDisks(
                    List.of(VmSpecs.disk(DiskBus.VIRTIO_BLK, StorageType.GLUE_RBD, 1)))));
            assertThat(r).isInstanceOf(OpResult.Failed.class);
            assertThat(r.reason()).contains("define " + name).contains("VIR_ERR_XML_INVALID_SCHEMA");
            assertThat(ok(strict.list())).extracting(DomainInfo::name).doesNotContain(name);
        } finally {
            strict.close();
        }
    }

    @Test
    void cpuCompareIsNotSupportedByTheTestDriverAndSaysSo() {
        OpResult<CpuComparison> r = await(hostA.compareCpu(VmSpecs.BROADWELL));

        assertThat(r).isInstanceOf(OpResult.Failed.class);
        assertThat(r.reason()).contains("VIR_ERR_NO_SUPPORT");
    }

    @Test
    void baselineComesFromLibvirt() { // C-04
        CpuSpec skylake = CpuCatalogue.standard().require("Skylake-Server").toSpec();
        CpuSpec broadwell = CpuCatalogue.standard().require("Broadwell").toSpec();

        CpuSpec baseline = ok(hostA.baselineCpu(List.of(skylake, broadwell)));
        assertThat(baseline.vendor()).isEqualTo(CpuVendor.INTEL);
        assertThat(baseline.model()).startsWith("Broadwell");
        assertThat(baseline.features()).doesNotContain("avx512f");
        assertThat(baseline.generation()).isEqualTo(CpuCatalogue.standard().require("Broadwell").generation());
    }

    @Test
    void migrationToAHostNobodyKnowsFailsBeforeAnythingIsCopied() {
        OpResult<?> r = await(hostA.migrate(new MigrationRequest("any", "host-z", 300, false, false,
                Limits.MIGRATION_PORT)));

        assertThat(r).isInstanceOf(OpResult.Failed.class);
        assertThat(r.reason()).contains("host-z");
    }

    @Test
    void aCallRefusedForLackOfThreadsIsAFailureAndOneNeverAnsweredIsUnknown() {
        LibvirtHypervisor refusing = new LibvirtHypervisor("host-a", hostA.uri(), RenderContext.kvm(),
                MigrationPeers.none(), task -> {
                    throw new RejectedExecutionException("full");
                }, EngineThread.EXECUTOR, LibvirtSettings.DEFAULTS);
        LibvirtHypervisor silent = new LibvirtHypervisor("host-a", hostA.uri(), RenderContext.kvm(),
                MigrationPeers.none(), task -> { }, EngineThread.EXECUTOR,
                LibvirtSettings.DEFAULTS.withCallTimeoutMillis(200));
        try {
            OpResult<Void> refused = await(refusing.start("x"));
            assertThat(refused).isInstanceOf(OpResult.Failed.class);
            assertThat(refused.reason()).contains("busy");
            OpResult<Void> lost = await(silent.start("x"));
            assertThat(lost).isInstanceOf(OpResult.Unknown.class);
            assertThat(lost.reason()).contains("did not answer within 200 ms");
        } finally {
            refusing.close();
            silent.close();
        }
    }

    @Test
    void aVmTheRendererRefusesIsAFailedDefineThatNeverReachesLibvirt() { // C-04
        LibvirtHypervisor noBaseline = new LibvirtHypervisor("host-a", hostA.uri(), RenderContext.kvm(),
                MigrationPeers.none(), calls, EngineThread.EXECUTOR, LibvirtSettings.DEFAULTS);
        try {
            String name = newVmName("custom");
            OpResult<Void> refused = await(noBaseline.define(VmSpecs.small(name).withCpuMode(CpuMode.CUSTOM)));
            assertThat(refused).isInstanceOf(OpResult.Failed.class);
            assertThat(refused.reason()).contains("C-04");
            assertThat(ok(noBaseline.list())).extracting(DomainInfo::name).doesNotContain(name);
        } finally {
            noBaseline.close();
        }
    }
}
