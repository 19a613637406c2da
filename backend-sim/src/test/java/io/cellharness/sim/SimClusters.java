package io.cellharness.sim;

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

/** Small clusters for simulator tests. */
public final class SimClusters {

    private SimClusters() {
    }

    /** {@code hosts} HCI hosts with BMCs, and {@code vmsPerHost} HA VMs placed on each. */
    public static ClusterSpec hci(int hosts, int vmsPerHost) {
        List<HostSpec> hostList = new ArrayList<>();
        List<VmSpec> vms = new ArrayList<>();
        for (int h = 1; h <= hosts; h++) {
            String name = "cube" + h;
            hostList.add(new HostSpec(name, 32, Size.ofGiB(256), null, null,
                    new BmcSpec("10.0.10." + h, null, "admin", "BMC_PASSWORD"),
                    new StorageControllerSpec("10.0.20." + h + ":6789"), null, null));
            for (int v = 1; v <= vmsPerHost; v++) {
                RestartPriority p = RestartPriority.values()[v % 3];
                vms.add(VmSpec.of("vm-" + h + "-" + v, Size.ofGiB(8), 2).withHost(name).withHa(new HaSpec(true, p)));
            }
        }
        return new ClusterSpec("test", null, hostList, vms);
    }
}
