package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.spec.SpecCodec;
import io.cellharness.libvirt.connect.LibvirtConnection;
import io.cellharness.libvirt.connect.LibvirtDirectCalls;
import io.cellharness.libvirt.connect.LibvirtSettings;
import io.cellharness.libvirt.local.LocalLibvirtDaemon;
import io.cellharness.libvirt.local.LocalLibvirtDaemons;
import io.cellharness.libvirt.xml.GuestCapabilities;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against a real libvirtd (one private local daemon): every VM {@code cell render} prints for the example is
 * accepted by the daemon's QEMU driver with schema validation, the storage controller VM's passthrough included
 * (libvirt checks host devices at start, not at define); and {@code cell run --backend libvirt} runs scenarios on it.
 * Skipped without root and libvirt, failed instead under {@code CI=true}.
 */
class LibvirtCliTest {

    private static LocalLibvirtDaemons daemons;
    private static LocalLibvirtDaemon daemon;

    @BeforeAll
    static void start() {
        String missing = LocalLibvirtDaemon.missingPrerequisites();
        if (!missing.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true but the libvirt CLI tests cannot run: " + missing);
            }
            Assumptions.abort("libvirt CLI tests skipped: " + missing);
        }
        daemons = LocalLibvirtDaemons.start(List.of("cli-node"));
        daemon = daemons.daemon("cli-node");
    }

    @AfterAll
    static void stop() {
        if (daemons != null) {
            daemons.close();
        }
    }

    @Test
    void aRealDaemonAcceptsEveryVmCellRenderPrintsForTheExample() throws Exception { // A-02, S-01, S-03
        ClusterSpec example = SpecCodec.readCluster(
                Files.readString(Path.of(RenderCommandTest.EXAMPLE), StandardCharsets.UTF_8), "cluster.yaml");
        try (LibvirtConnection connection = new LibvirtConnection(daemon.uri(), LibvirtSettings.DEFAULTS)) {
            LibvirtConnection.Handle h = connection.handle();
            String type = GuestCapabilities.parse(h.connect().getCapabilities()).domainType().xmlName();
            assertThat(example.vms()).hasSize(3);
            for (VmSpec vm : example.vms()) {
                CliRun render = CliRun.of("render", RenderCommandTest.EXAMPLE, "--vm", vm.name(), "--domain-type", type);
                assertThat(render.exit()).as(render.err()).isZero();

                LibvirtDirectCalls.defineValidated(h, render.out()); // VIR_DOMAIN_DEFINE_VALIDATE: libvirt's schema
                assertThat(h.connect().domainLookupByName(vm.name()).getXMLDesc(0)).contains(vm.name());
                h.connect().domainLookupByName(vm.name()).undefine();
            }
        }
    }

    @Test
    void cellRunRunsTheLibvirtScenariosOnTheDaemonItIsGiven(@TempDir Path dir) {
        CliRun run = CliRun.of("run", "--backend", "libvirt", "--uri", daemon.uri(), "--tags", "@T-01",
                "--report-dir", dir.toString(), "--no-html");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("cube1: " + daemon.uri())
                .containsPattern("T-01\\s+1\\s+1\\s+0\\s+0\\s+libvirt\\s+ok");
    }

    @Test
    void anUnreachableDaemonIsOneLineAndExitsTwo(@TempDir Path dir) {
        String uri = "qemu+unix:///system?socket=" + dir.resolve("no-such-sock");
        CliRun run = CliRun.of("run", "--backend", "libvirt", "--uri", uri, "--report-dir", dir.toString(),
                "--no-html");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("cell run: libvirt at " + uri + " (host cube1) does not answer: ");
        assertThat(run.err().lines()).hasSize(1);
    }
}
