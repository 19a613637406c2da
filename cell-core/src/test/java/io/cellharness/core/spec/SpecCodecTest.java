package io.cellharness.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.RestartPriority;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.VmSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SpecCodecTest {

    static String example(String name) throws Exception {
        return Files.readString(Path.of("..", "examples", name));
    }

    @Test
    void readsTheCompleteExample() throws Exception {
        ClusterSpec spec = SpecCodec.readCluster(example("cluster.yaml"), "cluster.yaml");
        assertThat(spec.hosts()).extracting(h -> h.name()).containsExactly("cube1", "cube2", "cube3");
        VmSpec web1 = spec.vm("web1").orElseThrow();
        assertThat(web1.memory()).isEqualTo(Size.ofGiB(8));
        assertThat(web1.cpuMode()).isEqualTo(CpuMode.HOST_MODEL);
        assertThat(web1.disks().get(1).bus()).isEqualTo(DiskBus.VIRTIO_SCSI);
        assertThat(web1.disks().get(1).storage()).isEqualTo(StorageType.ISCSI);
        assertThat(web1.nics().get(0).bridge()).isEqualTo("br-VM.101");
        assertThat(web1.ha().priority()).isEqualTo(RestartPriority.HIGH);
        assertThat(spec.host("cube1").orElseThrow().cpu().features()).contains("avx512f");
    }

    @Test
    void writtenYamlReadsBackEqual() throws Exception {
        ClusterSpec spec = SpecCodec.readCluster(example("cluster.yaml"), "cluster.yaml");
        String written = SpecCodec.writeCluster(spec);
        assertThat(SpecCodec.readCluster(written, "written")).isEqualTo(spec);
    }

    @Test
    void defaultsAreFilledIn() throws Exception {
        ClusterSpec spec = SpecCodec.readCluster("vms:\n  - {name: a, memory: 1GiB, vcpus: 1}\n", "t.yaml");
        VmSpec vm = spec.vms().get(0);
        assertThat(vm.cpuMode()).as("C-03: host-model is the default").isEqualTo(CpuMode.HOST_MODEL);
        assertThat(vm.ha().enabled()).isFalse();
        assertThat(spec.settings().overcommit().memoryEnabled()).as("L-07: off by default").isFalse();
    }

    @Test
    void aMistypedValueNamesLineColumnAndPath() {
        String yaml = "vms:\n  - name: a\n    memory: 1GiB\n    vcpus: many\n";
        assertThatThrownBy(() -> SpecCodec.readCluster(yaml, "bad.yaml"))
                .isInstanceOf(SpecFormatException.class)
                .satisfies(e -> {
                    SpecFormatException f = (SpecFormatException) e;
                    assertThat(f.line()).isEqualTo(4);
                    assertThat(f.path()).isEqualTo("vms[0].vcpus");
                    assertThat(f.getMessage()).startsWith("bad.yaml:4:").contains("whole number").doesNotContain("\n");
                });
    }

    @Test
    void aFractionIsNotAWholeNumber() {
        assertThatThrownBy(() -> SpecCodec.readCluster("vms:\n  - {name: a, memory: 1GiB, vcpus: 2.5}\n", "f.yaml"))
                .hasMessageContaining("vms[0].vcpus").hasMessageContaining("whole number");
    }

    @Test
    void aTruncatedDocumentNamesTheLine() {
        String yaml = "vms:\n  - name: a\n    memory: 1GiB\n    vcpus: 2\n    nics: [{vlan: 101\n";
        assertThatThrownBy(() -> SpecCodec.readCluster(yaml, "cut.yaml"))
                .isInstanceOf(SpecFormatException.class)
                .satisfies(e -> assertThat(((SpecFormatException) e).line()).isGreaterThanOrEqualTo(5))
                .hasMessageStartingWith("cut.yaml:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void anUnknownKeyListsTheKnownOnes() {
        assertThatThrownBy(() -> SpecCodec.readCluster("vms:\n  - {name: a, memory: 1GiB, vcpus: 2, cpumode: custom}\n", "k.yaml"))
                .hasMessageContaining("unknown key 'cpumode'")
                .hasMessageContaining("cpuMode");
    }

    @Test
    void aMissingRequiredKeyIsNamed() {
        assertThatThrownBy(() -> SpecCodec.readCluster("vms:\n  - {name: a, memory: 1GiB}\n", "m.yaml"))
                .hasMessageContaining("missing required key 'vcpus'")
                .hasMessageContaining("vms[0]");
    }

    @Test
    void anUnsupportedStorageTypeListsTheSupportedOnes() {
        String yaml = "vms:\n  - name: a\n    memory: 1GiB\n    vcpus: 1\n    disks: [{storage: cephfs, volume: x, size: 1GiB}]\n";
        assertThatThrownBy(() -> SpecCodec.readCluster(yaml, "s.yaml"))
                .hasMessageContaining("vms[0].disks[0].storage")
                .hasMessageContaining("unknown storage type (S-01) 'cephfs'")
                .hasMessageContaining("glue-rbd");
    }

    @Test
    void aDecimalUnitIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> SpecCodec.readCluster("vms:\n  - {name: a, memory: 16TB, vcpus: 1}\n", "u.yaml"))
                .hasMessageContaining("vms[0].memory")
                .hasMessageContaining("write 16TiB");
    }

    @Test
    void theDocumentationsHostModeIsReadAsHostModelAndNoted() throws Exception {
        java.util.List<Respelling> notes = new java.util.ArrayList<>();
        var spec = SpecCodec.readCluster("vms:\n  - {name: a, memory: 4GiB, vcpus: 1}\n"
                + "  - {name: b, memory: 4GiB, vcpus: 1, cpuMode: Host-Mode}\n", "u.yaml", notes);
        assertThat(spec.vms().get(1).cpuMode()).isEqualTo(io.cellharness.core.model.CpuMode.HOST_MODEL);
        assertThat(notes).containsExactly(new Respelling("vms[1].cpuMode", "Host-Mode", "host-model", "C-01"));
        assertThatThrownBy(() -> SpecCodec.readCluster("vms:\n  - {name: a, memory: 4GiB, vcpus: 1, cpuMode: hostmode}\n",
                "u.yaml")).hasMessageEndingWith("vms[0].cpuMode: unknown CPU mode 'hostmode'; expected one of custom, "
                + "host-model, host-passthrough");
    }

    @Test
    void aDuplicateKeyIsAnError() {
        assertThatThrownBy(() -> SpecCodec.readCluster("vms:\n  - name: a\n    name: b\n    memory: 1GiB\n    vcpus: 1\n", "d.yaml"))
                .hasMessageContaining("duplicate key");
    }

    @Test
    void anEmptyDocumentIsAnError() {
        assertThatThrownBy(() -> SpecCodec.readCluster("  \n", "e.yaml")).hasMessage("e.yaml: the document is empty");
    }

    @Test
    void syntaxErrorsAreOneLine() {
        assertThatThrownBy(() -> SpecCodec.readCluster("vms:\n  - name: a\n   memory: : 1GiB\n", "y.yaml"))
                .isInstanceOf(SpecFormatException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").startsWith("y.yaml:"));
    }
}
