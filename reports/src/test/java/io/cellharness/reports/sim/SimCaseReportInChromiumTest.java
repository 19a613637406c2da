package io.cellharness.reports.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.model.BmcSpec;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.HaSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageControllerSpec;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.VmSpec;
import io.cellharness.reports.HeadlessChromium;
import io.cellharness.reports.casefile.CaseReport;
import io.cellharness.reports.casefile.CaseReportWriter;
import io.cellharness.reports.casefile.Marker;
import io.cellharness.sim.fault.Fault;
import io.cellharness.sim.fault.ScheduledFault;
import io.cellharness.sim.scenario.SimOutcome;
import io.cellharness.sim.scenario.SimRequest;
import io.cellharness.sim.scenario.SimRun;
import io.cellharness.sim.scenario.SimTimeline;
import io.cellharness.sim.world.SimSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failover case page made from a real simulator run (a host crash with Glue disks and a storage controller outage),
 * loaded in a real headless Chromium: it loads without errors and draws every lane and marker the run produced.
 */
class SimCaseReportInChromiumTest {

    @TempDir
    Path tmp;

    static ClusterSpec cluster() {
        List<HostSpec> hosts = new ArrayList<>();
        List<VmSpec> vms = new ArrayList<>();
        for (int h = 1; h <= 3; h++) {
            hosts.add(new HostSpec("cube" + h, 16, Size.ofGiB(128), null, null, new BmcSpec("10.0.10." + h, null, "a", "P"),
                    new StorageControllerSpec("10.0.20." + h + ":6789"), null, null));
            for (int v = 1; v <= 2; v++) {
                vms.add(VmSpec.of("vm" + h + v, Size.ofGiB(8), 2).withHost("cube" + h).withHa(new HaSpec(true, null))
                        .withDisks(List.of(new DiskSpec(DiskBus.VIRTIO_BLK, StorageType.GLUE_RBD, "rbd/vm" + h + v,
                                Size.ofGiB(10)))));
            }
        }
        return new ClusterSpec("case", null, hosts, vms);
    }

    @Test
    void aRealRunsCasePageLoadsAndDrawsItsTimeline() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.requireIn(tmp);
        SimRequest request = new SimRequest("crash with a controller outage", cluster(),
                List.of(new ScheduledFault(20_000, new Fault.StorageControllerDown("cube1"), 40_000),
                        new ScheduledFault(30_000, new Fault.HostCrash("cube2"), 60_000)),
                List.of(), Map.of(), 120_000, 60_000, 5, HaSettings.DEFAULTS, SimSettings.DEFAULTS, List.of(),
                List.of("crash.yaml"));
        SimRun run = SimRun.prepare(request);
        SimTimeline timeline = SimTimeline.attach(run, 100);
        SimOutcome outcome = run.finish();
        assertThat(outcome.passed()).as(outcome.failures().toString()).isTrue();

        CaseReport report = SimReports.caseReport(timeline, outcome, "crash.yaml", "./cell sim crash.yaml --seed 5");
        assertThat(report.markers()).extracting(Marker::kind)
                .contains(Marker.Kind.FAULT, Marker.Kind.FENCE, Marker.Kind.FENCE_CONFIRMED, Marker.Kind.RESTART);
        assertThat(report.vms().get(0).storagePath()).as("vm11's Glue path changed").hasSizeGreaterThan(1);
        Path page = CaseReportWriter.write(report, tmp.resolve("case"));

        HeadlessChromium.Loaded loaded = chromium.load(page);

        assertThat(loaded.attribute("body", "data-render-status")).as(loaded.dom()).contains("ok");
        assertThat(loaded.consoleMessages()).isEmpty();
        String timelineSvg = "svg[^>]*data-chart=\"timeline\"";
        assertThat(loaded.attribute(timelineSvg, "data-drawn-parts"))
                .contains(Integer.toString(report.hosts().size() + report.vms().size()));
        assertThat(loaded.attribute(timelineSvg, "data-drawn-markers")).contains(Integer.toString(report.markers().size()));
    }
}
