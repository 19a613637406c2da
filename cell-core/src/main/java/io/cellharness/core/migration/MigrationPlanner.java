package io.cellharness.core.migration;

import io.cellharness.core.capacity.CapacityCheck;
import io.cellharness.core.capacity.HostLoad;
import io.cellharness.core.capacity.PlacementDecision;
import io.cellharness.core.capacity.Shortfall;
import io.cellharness.core.cpu.Eligibility;
import io.cellharness.core.cpu.MigrationEligibility;
import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.network.Endpoint;
import io.cellharness.core.network.HostNetwork;
import io.cellharness.core.network.HostSetup;
import io.cellharness.core.network.NetworkFabric;
import io.cellharness.core.network.Reachability;
import io.cellharness.core.network.StandardBridge;
import io.cellharness.core.port.MigrationRequest;
import java.util.Optional;

/**
 * Plans a live migration, refusing before anything is copied (C-06, G-04). In order:
 * <ol>
 *   <li>the VM runs on a host of the cluster and the target is another host of it;</li>
 *   <li>CPU eligibility (C-02 … C-05) — first, as G-04 requires;</li>
 *   <li>the target has room for the VM (L-05, L-07);</li>
 *   <li>the two hosts reach each other on the management network, which carries the migration on port 49152
 *       (G-02);</li>
 *   <li>the pre-copy prediction at the management bandwidth between them (G-03), with the disk data copied first
 *       when the VM's storage is not shared (G-01).</li>
 * </ol>
 * A plan that does not converge is still {@link MigrationPlan.Ready}: the prediction says how it ends.
 */
public final class MigrationPlanner {

    private MigrationPlanner() {
    }

    /**
     * Plans from the specification alone: every link up, each host's switch supporting LACP as its specification says
     * (N-07), the management bandwidth that of the hosts' management uplinks as specified (N-06), and the VM's CPU
     * what it gets on its current host.
     */
    public static MigrationPlan plan(ClusterSpec cluster, String vm, String targetHost, MigrationOptions options) {
        return plan(cluster, vm, targetHost, options, null, null);
    }

    /**
     * Plans against a live network and a VM's actual CPU.
     *
     * @param network    the cluster network as it is now (faults included); null to derive it from the specification
     * @param startedCpu the CPU the VM was started with (it may have moved since); null for what it gets on its host
     */
    public static MigrationPlan plan(ClusterSpec cluster, String vmName, String targetHost, MigrationOptions options,
                                     NetworkFabric network, CpuSpec startedCpu) {
        Optional<VmSpec> found = cluster.vm(vmName);
        if (found.isEmpty()) {
            return new MigrationPlan.Refused(vmName, null, targetHost, "G-01", "the cluster has no VM " + vmName);
        }
        VmSpec vm = found.get();
        String sourceName = vm.host();
        if (sourceName == null) {
            return new MigrationPlan.Refused(vmName, null, targetHost, "G-01",
                    "VM " + vmName + " is not placed on a host, so there is no running VM to migrate");
        }
        Optional<HostSpec> source = cluster.host(sourceName);
        Optional<HostSpec> target = cluster.host(targetHost);
        if (source.isEmpty()) {
            return refused(vm, targetHost, "G-01", "VM " + vmName + " is placed on " + sourceName
                    + ", which the cluster does not have");
        }
        if (target.isEmpty()) {
            return refused(vm, targetHost, "G-01", "the cluster has no host " + targetHost);
        }
        if (sourceName.equals(targetHost)) {
            return refused(vm, targetHost, "G-01", "VM " + vmName + " already runs on " + targetHost);
        }
        if (!vm.passthrough().isEmpty()) {
            // S-03: the storage controller VM holds its host's SCSI controller or disks; they cannot follow it.
            return refused(vm, targetHost, "S-03", "VM " + vmName + " has host devices passed through (SCSI controller "
                    + "or LUNs), which stay on " + sourceName + "; it cannot live-migrate");
        }

        // G-04: CPU eligibility first.
        for (HostSpec h : new HostSpec[] {source.get(), target.get()}) {
            if (h.cpu() == null) {
                return refused(vm, targetHost, "C-06", "host " + h.name() + " has no CPU description (vendor, model), "
                        + "so CPU compatibility cannot be checked");
            }
        }
        Eligibility cpu = MigrationEligibility.check(vm.cpuMode(), startedCpu, source.get().cpu(), target.get().cpu(),
                cluster);
        if (cpu instanceof Eligibility.Refused refused) {
            return refused(vm, targetHost, refused.rule(), refused.reason());
        }

        HostLoad targetLoad = HostLoad.of(cluster.vmsOn(targetHost));
        PlacementDecision room = CapacityCheck.check(target.get(), targetLoad, vm, cluster.settings().overcommit());
        if (room instanceof PlacementDecision.Refused full) {
            Shortfall first = full.shortfalls().get(0);
            return refused(vm, targetHost, first.limitId(), "target " + targetHost + " has no room: " + full.message());
        }

        double bandwidth;
        if (network != null) {
            Reachability path = network.reach(Endpoint.host(sourceName, StandardBridge.MGMT.bridgeName()),
                    Endpoint.host(targetHost, StandardBridge.MGMT.bridgeName()));
            if (path instanceof Reachability.Unreachable cut) {
                return refused(vm, targetHost, "G-02", "migration traffic uses the management network (port "
                        + Limits.MIGRATION_PORT + ") and " + sourceName + " cannot reach " + targetHost + " on it: "
                        + cut.reason());
            }
            bandwidth = network.managementGbps(sourceName, targetHost);
        } else {
            double[] speeds = new double[2];
            HostSpec[] ends = {source.get(), target.get()};
            for (int i = 0; i < 2; i++) {
                HostSetup setup = HostNetwork.configure(ends[i], ends[i].switchSupportsLacp());
                if (setup instanceof HostSetup.Refused bad) {
                    String rule = HostNetwork.findProblems(ends[i], ends[i].switchSupportsLacp()).get(0).rule();
                    return refused(vm, targetHost, rule, bad.message());
                }
                speeds[i] = ((HostSetup.Configured) setup).network().uplinkGbps(StandardBridge.MGMT);
            }
            bandwidth = Math.min(speeds[0], speeds[1]);
        }
        if (options.bandwidthGbps().isPresent()) {
            bandwidth = options.bandwidthGbps().getAsDouble();
        }

        long diskBytes = vm.localDiskBytes();
        MigrationPrediction prediction = PreCopyModel.predict(vm.memory().bytes(), diskBytes, bandwidth, options);
        MigrationRequest request = new MigrationRequest(vmName, targetHost, options.maxDowntimeMillis(),
                options.autoConverge(), diskBytes > 0, Limits.MIGRATION_PORT);
        return new MigrationPlan.Ready(vmName, sourceName, targetHost, (Eligibility.Allowed) cpu, request, bandwidth,
                prediction);
    }

    private static MigrationPlan.Refused refused(VmSpec vm, String target, String rule, String reason) {
        return new MigrationPlan.Refused(vm.name(), vm.host(), target, rule, reason);
    }
}
