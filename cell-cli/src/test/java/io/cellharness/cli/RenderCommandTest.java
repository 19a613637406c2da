package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.libvirt.xml.DomXml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class RenderCommandTest {

    static final String EXAMPLE = "../examples/cluster.yaml";

    private static Element domain(String xml) {
        return DomXml.parse(xml, "rendered XML");
    }

    private static List<String> diskHosts(Element domain, int disk) {
        Element source = DomXml.firstChild(DomXml.children(DomXml.firstChild(domain, "devices"), "disk").get(disk),
                "source");
        return DomXml.children(source, "host").stream()
                .map(h -> h.getAttribute("name") + (h.hasAttribute("port") ? ":" + h.getAttribute("port") : "")).toList();
    }

    @Test
    void oneVmIsOneDomainWithTheClustersGlueMonitorsLocalFirst() { // A-02, S-04
        CliRun run = CliRun.of("render", EXAMPLE, "--vm", "web1");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        Element web1 = domain(run.out());
        assertThat(web1.getAttribute("type")).isEqualTo("kvm");
        assertThat(DomXml.childText(web1, "name")).isEqualTo("web1");
        assertThat(DomXml.firstChild(web1, "cpu").getAttribute("mode")).isEqualTo("host-model");
        // web1 runs on cube1: its own storage controller's monitor first, then the others in failover order.
        assertThat(diskHosts(web1, 0)).containsExactly("10.0.20.11:6789", "10.0.20.12:6789", "10.0.20.13:6789");
        assertThat(diskHosts(web1, 1)).containsExactly("10.0.30.5:3260");
        // M-01: the NIC without a MAC has one from the manager's range; the explicit one is kept.
        List<Element> nics = DomXml.children(DomXml.firstChild(web1, "devices"), "interface");
        assertThat(DomXml.firstChild(nics.get(0), "mac").getAttribute("address")).startsWith("02:ce:11:");
        assertThat(DomXml.firstChild(nics.get(1), "mac").getAttribute("address")).isEqualTo("02:00:00:00:01:02");
        assertThat(CliRun.of("render", EXAMPLE, "--vm", "web1").out()).as("the same every time").isEqualTo(run.out());
    }

    @Test
    void everyVmOfTheExampleRendersInFileOrder() {
        CliRun run = CliRun.of("render", EXAMPLE, "--domain-type", "qemu");

        assertThat(run.exit()).as(run.err()).isZero();
        String[] documents = run.out().split("\n(?=<domain )");
        assertThat(documents).hasSize(3);
        assertThat(documents).extracting(d -> DomXml.childText(domain(d), "name")).containsExactly("web1", "win1",
                "scvm1");
        assertThat(documents).extracting(d -> domain(d).getAttribute("type")).containsOnly("qemu");
        // N-03: the interfaces that carry web1's VLAN tags, which the host sets up, not libvirt
        assertThat(documents[0]).contains("<!-- N-03 on cube1: br-VM.101 <- bond-VM.101 (the VLAN 101 802.1Q-tagged "
                + "subinterface of bond-VM) -->");
        // N-01: native Linux bridge ports only
        assertThat(run.out()).contains("<interface type=\"bridge\">").doesNotContain("virtualport");
    }

    @Test
    void customAndGenerationCompatibleVmsGetTheCpuTheClusterDecides(@TempDir Path dir) throws Exception { // C-04, C-05
        String hosts = """
                hosts:
                  - {name: cube1, cores: 32, memory: 256GiB, cpu: {vendor: intel, model: Icelake-Server},
                     storageController: {monitor: "10.0.20.11:6789"}}
                  - {name: cube2, cores: 32, memory: 256GiB, cpu: {vendor: intel, model: Cascadelake-Server},
                     storageController: {monitor: "10.0.20.12:6789"}}
                """;
        Path custom = dir.resolve("custom.yaml");
        Files.writeString(custom, hosts + """
                vms:
                  - {name: app, host: cube2, memory: 4GiB, vcpus: 2, cpuMode: custom, timeSync: ntp,
                     disks: [{storage: glue-rbd, volume: rbd/app, size: 10GiB}]}
                """);
        Path compatible = dir.resolve("compatible.yaml");
        Files.writeString(compatible, "settings: {cpuGenerationCompatibility: true}\n" + hosts + """
                vms:
                  - {name: web, host: cube1, memory: 4GiB, vcpus: 2, cpuMode: host-passthrough, timeSync: ntp}
                """);

        Element app = domain(CliRun.of("render", custom.toString()).out());
        Element cpu = DomXml.firstChild(app, "cpu");
        assertThat(cpu.getAttribute("mode")).isEqualTo("custom");
        assertThat(DomXml.childText(cpu, "model")).isEqualTo("Cascadelake-Server");
        assertThat(diskHosts(app, 0)).containsExactly("10.0.20.12:6789", "10.0.20.11:6789");

        Element web = domain(CliRun.of("render", compatible.toString()).out());
        assertThat(DomXml.firstChild(web, "cpu").getAttribute("mode")).isEqualTo("custom");
        assertThat(DomXml.childText(DomXml.firstChild(web, "cpu"), "model")).isEqualTo("Cascadelake-Server");
    }

    @Test
    void aVmBeyondALimitIsNotRenderedAndExitsOne() {
        CliRun run = CliRun.of("render", "../examples/limits-exceeded.yaml");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("cell render: ../examples/limits-exceeded.yaml: VM 'huge' breaks ")
                .contains("L-02 vm.vcpus = 711 (limit 710)").contains("L-01 vm.memory = 17TiB (limit 16TiB)");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void badInputIsOneLineAndExitsTwo(@TempDir Path dir) throws Exception {
        CliRun unknown = CliRun.of("render", EXAMPLE, "--vm", "nope");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("cell render: ../examples/cluster.yaml: no VM named 'nope'\n");

        CliRun missing = CliRun.of("render", dir.resolve("absent.yaml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file").doesNotContain("Exception");

        CliRun type = CliRun.of("render", EXAMPLE, "--domain-type", "xen");
        assertThat(type.exit()).isEqualTo(2);
        assertThat(type.err()).contains("expected kvm or qemu, got 'xen'");

        Path vendors = dir.resolve("vendors.yaml");
        Files.writeString(vendors, """
                hosts:
                  - {name: cube1, cores: 32, memory: 256GiB, cpu: {vendor: intel, model: Haswell}}
                  - {name: cube2, cores: 32, memory: 256GiB, cpu: {vendor: amd, model: EPYC}}
                vms:
                  - {name: app, memory: 4GiB, vcpus: 2, cpuMode: custom, timeSync: ntp}
                """);
        CliRun noBaseline = CliRun.of("render", vendors.toString());
        assertThat(noBaseline.exit()).isEqualTo(2);
        assertThat(noBaseline.err()).startsWith("cell render: " + vendors + ": VM 'app': C-04").doesNotContain("\tat ");
        assertThat(noBaseline.err().lines()).hasSize(1);
    }
}
