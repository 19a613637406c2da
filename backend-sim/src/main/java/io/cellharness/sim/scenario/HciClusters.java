package io.cellharness.sim.scenario;

import io.cellharness.core.model.BmcSpec;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HaSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.RestartPriority;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageControllerSpec;
import io.cellharness.core.model.VmSpec;
import java.util.ArrayList;
import java.util.List;

/** Regular clusters for tests and scenarios: HCI hosts {@code cube1 … cubeN}, each with a BMC and a Glue controller. */
public final class HciClusters {

    private HciClusters() {
    }

    /**
     * {@code hosts} HCI hosts (32 cores, 256 GiB) with BMCs, and {@code vmsPerHost} HA VMs ({@code vm-<host>-<n>}, 8 GiB,
     * 2 vCPUs) placed on each, restart priorities cycling high, medium, low.
     */
    public static ClusterSpec of(int hosts, int vmsPerHost) {
        List<HostSpec> hostList = new ArrayList<>();
        List<VmSpec> vms = new ArrayList<>();
        for (int h = 1; h <= hosts; h++) {
            String name = "cube" + h;
            hostList.add(new HostSpec(name, 32, Size.ofGiB(256), null, null,
                    new BmcSpec("10.0.10." + h, null, "admin", "BMC_PASSWORD"),
                    new StorageControllerSpec("10.0.20." + h + ":6789"), null, null));
            for (int v = 1; v <= vmsPerHost; v++) {
                RestartPriority p = RestartPriority.values()[(v - 1) % 3];
                vms.add(VmSpec.of("vm-" + h + "-" + v, Size.ofGiB(8), 2).withHost(name).withHa(new HaSpec(true, p)));
            }
        }
        return new ClusterSpec("test", null, hostList, vms);
    }
}
