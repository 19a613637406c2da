package io.cellharness.reports.casefile;

import io.cellharness.reports.casefile.InvariantResult.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Case reports shaped like what the simulator produces: a host crash with fencing, a monitor outage, a migration. */
final class SampleCases {

    private SampleCases() {
    }

    static Interval<String> iv(long from, long to, String value) {
        return new Interval<>(from, to, value);
    }

    /**
     * Four hosts; host-2 crashes at 30 s, is fenced and its two HA VMs restart elsewhere; host-3's storage monitor is
     * down from 90 s to 130 s (vm-3's I/O fails over to host-4's monitor and back); vm-5 migrates at 150 s.
     */
    static CaseReport hostCrash() {
        List<HostLane> hosts = List.of(
                new HostLane("host-1", List.of(iv(0, 180_000, "UP"))),
                new HostLane("host-2", List.of(iv(0, 33_500, "UP"), iv(33_500, 36_000, "SUSPECT"), iv(36_000, 40_000, "CHECKING"), iv(40_000, 42_300, "FENCING"),
                        iv(42_300, 180_000, "FENCED"))),
                new HostLane("host-3", List.of(iv(0, 180_000, "UP"))),
                new HostLane("host-4", List.of(iv(0, 180_000, "UP"))));
        List<VmLane> vms = List.of(
                new VmLane("vm-1", List.of(iv(0, 180_000, "host-1")), List.of(iv(0, 180_000, "host-1"))),
                new VmLane("vm-2", List.of(iv(0, 30_000, "host-2"), iv(30_000, 46_100, VmLane.NOT_RUNNING),
                        iv(46_100, 180_000, "host-3")),
                        List.of(iv(0, 30_000, "host-2"), iv(30_000, 46_100, VmLane.STALLED),
                                iv(46_100, 90_000, "host-3"), iv(90_000, 93_000, VmLane.STALLED),
                                iv(93_000, 130_000, "host-4"), iv(130_000, 180_000, "host-3"))),
                new VmLane("vm-3", List.of(iv(0, 180_000, "host-3")),
                        List.of(iv(0, 90_000, "host-3"), iv(90_000, 93_000, VmLane.STALLED),
                                iv(93_000, 130_000, "host-4"), iv(130_000, 180_000, "host-3"))),
                new VmLane("vm-4", List.of(iv(0, 30_000, "host-2"), iv(30_000, 47_800, VmLane.NOT_RUNNING),
                        iv(47_800, 180_000, "host-1")),
                        List.of(iv(0, 30_000, "host-2"), iv(30_000, 47_800, VmLane.STALLED),
                                iv(47_800, 180_000, "host-1"))),
                new VmLane("vm-5", List.of(iv(0, 158_400, "host-1"), iv(158_400, 180_000, "host-4")),
                        List.of(iv(0, 158_400, "host-1"), iv(158_400, 180_000, "host-4"))));
        List<Marker> markers = List.of(
                new Marker(30_000, Marker.Kind.FAULT, "host-2", "host crash (power loss of the OS, BMC answers)"),
                new Marker(40_000, Marker.Kind.FENCE, "host-2", "IPMI chassis power off via bmc-2"),
                new Marker(42_300, Marker.Kind.FENCE_CONFIRMED, "host-2", "power state read back: off"),
                new Marker(46_100, Marker.Kind.RESTART, "vm-2", "HA restart on host-3 (priority high)"),
                new Marker(47_800, Marker.Kind.RESTART, "vm-4", "HA restart on host-1 (priority medium)"),
                new Marker(90_000, Marker.Kind.FAULT, "host-3", "storage controller monitor on host-3 stops answering"),
                new Marker(93_000, Marker.Kind.ALERT, "vm-3", "I/O path moved to the monitor on host-4 (S-05)"),
                new Marker(130_000, Marker.Kind.FAULT_END, "host-3", "monitor on host-3 answers again"),
                new Marker(150_000, Marker.Kind.MIGRATION_START, "vm-5", "live migration host-1 → host-4"),
                new Marker(158_400, Marker.Kind.MIGRATION_END, "vm-5", "converged after 3 pre-copy rounds"));
        List<InvariantResult> invariants = List.of(
                InvariantResult.held("H-06 one running copy", Kind.SAFETY,
                        "A VM never runs on two hosts at once; restart only after the fence is confirmed."),
                InvariantResult.held("S-08 no lost writes", Kind.SAFETY,
                        "Nothing written before a storage stall is lost."),
                InvariantResult.held("G-05 one copy after migration", Kind.SAFETY,
                        "A host failing during a migration leaves exactly one running copy."),
                InvariantResult.held("H-08 HA VMs run again", Kind.LIVENESS,
                        "After a host crash with a working BMC, every HA VM runs again within 120s."));
        List<String> trace = new ArrayList<>();
        trace.add("00:02:38.400 vm-5      migration-end   host-1 -> host-4 converged rounds=3 downtime=210ms");
        trace.add("00:02:58.000 cluster   check           invariants ok (4)");
        trace.add("00:03:00.000 sim       end             events=48213 trace=9f2c4e...");
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("Recovery time (H-08)", "17.8s (crash → last HA VM running)");
        summary.put("Fence", "2.3s (sent → confirmed)");
        summary.put("Storage stall (S-05)", "3s");
        return new CaseReport("host-2 crashes with a working BMC", 424242L, "examples/failover/host-crash.yaml",
                "./cell sim --seed 424242 --scenario examples/failover/host-crash.yaml", 180_000,
                "9f2c4e1b7a30d55e0c6f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566", 48_213, hosts, vms, markers,
                invariants, trace, summary);
    }

    /** {@link #hostCrash()} where vm-2 runs twice: the restart came before the fence was confirmed. */
    static CaseReport doubleRun() {
        CaseReport ok = hostCrash();
        List<Marker> markers = new ArrayList<>(ok.markers());
        markers.add(new Marker(41_000, Marker.Kind.VIOLATION, "vm-2",
                "vm-2 runs on host-2 and host-3 (H-06)"));
        List<InvariantResult> invariants = new ArrayList<>(ok.invariants());
        invariants.set(0, InvariantResult.violated("H-06 one running copy", Kind.SAFETY,
                "A VM never runs on two hosts at once; restart only after the fence is confirmed.",
                "at 41s vm-2 ran on host-2 and host-3: restarted before the fence of host-2 was confirmed"));
        return new CaseReport("host-2 crashes; restart races the fence", ok.seed(), ok.scenario(),
                ok.replayCommand(), ok.durationMillis(), ok.traceSha256(), ok.events(), ok.hosts(), ok.vms(),
                markers, invariants, ok.traceTail(), ok.summary());
    }

    /** A cluster of {@code hostCount} hosts and {@code vmCount} VMs; every seventh VM moves once, the rest stay. */
    static CaseReport large(int hostCount, int vmCount) {
        List<HostLane> hosts = new ArrayList<>();
        for (int h = 1; h <= hostCount; h++) {
            hosts.add(new HostLane("host-" + h, List.of(iv(0, 600_000, "UP"))));
        }
        List<VmLane> vms = new ArrayList<>();
        for (int v = 1; v <= vmCount; v++) {
            String home = "host-" + (v % hostCount + 1);
            if (v % 7 == 0) {
                String other = "host-" + ((v + 1) % hostCount + 1);
                vms.add(new VmLane("vm-" + v, List.of(iv(0, 300_000, home), iv(300_000, 600_000, other)),
                        List.of(iv(0, 300_000, home), iv(300_000, 600_000, other))));
            } else {
                vms.add(new VmLane("vm-" + v, List.of(iv(0, 600_000, home)), List.of(iv(0, 600_000, home))));
            }
        }
        return new CaseReport("large cluster", 7, "random", "./cell sim --seed 7", 600_000, "00", 1_000_000, hosts,
                vms, List.of(new Marker(300_000, Marker.Kind.NOTE, "", "rebalance")), List.of(), List.of(),
                Map.of());
    }
}
