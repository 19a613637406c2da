package io.cellharness.core.network;

import io.cellharness.core.model.BondMode;
import io.cellharness.core.model.BondSpec;
import io.cellharness.core.model.HostNicSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import java.util.ArrayList;
import java.util.List;

/** Hosts wired like a Cube host: bond-MGMT over eno1+eno2, bond-VM over eno3+eno4, 10 Gb/s NICs. */
final class NetworkFixtures {

    private NetworkFixtures() {
    }

    static HostSpec host(String name, BondMode mgmtMode, BondMode vmMode) {
        return new HostSpec(name, 32, Size.ofGiB(256), null, null, null, null,
                List.of(new HostNicSpec("eno1", 10), new HostNicSpec("eno2", 10), new HostNicSpec("eno3", 10),
                        new HostNicSpec("eno4", 10)),
                List.of(new BondSpec("bond-MGMT", mgmtMode, List.of("eno1", "eno2"), "br-MGMT"),
                        new BondSpec("bond-VM", vmMode, List.of("eno3", "eno4"), "br-VM")));
    }

    static HostSpec host(String name) {
        return host(name, BondMode.ACTIVE_BACKUP, BondMode.ACTIVE_BACKUP);
    }

    static HostSpec hostWithBonds(String name, List<BondSpec> bonds) {
        return new HostSpec(name, 32, Size.ofGiB(256), null, null, null, null,
                List.of(new HostNicSpec("eno1", 10), new HostNicSpec("eno2", 10), new HostNicSpec("eno3", 10),
                        new HostNicSpec("eno4", 10)), bonds);
    }

    /** A VM with one NIC per bridge name ({@code br-VM}, {@code br-VM.101}, {@code cloud0} ...). */
    static VmSpec vm(String name, String... bridges) {
        List<VmNicSpec> nics = new ArrayList<>();
        int n = 0;
        for (String bridge : bridges) {
            int dot = bridge.indexOf('.');
            String network = dot < 0 ? bridge : bridge.substring(0, dot);
            Integer vlan = dot < 0 ? null : Integer.valueOf(bridge.substring(dot + 1));
            String mac = String.format(java.util.Locale.ROOT, "02:ce:11:%02x:00:%02x", name.length(), n++);
            nics.add(new VmNicSpec(mac, network, vlan, null));
        }
        return VmSpec.of(name, Size.ofGiB(4), 2).withNics(nics);
    }

    static NetworkFabric fabric(HostSpec... hosts) {
        NetworkFabric fabric = new NetworkFabric();
        for (HostSpec h : hosts) {
            HostSetup setup = fabric.addHost(h, true);
            if (setup instanceof HostSetup.Refused r) {
                throw new IllegalStateException(r.message());
            }
        }
        return fabric;
    }
}
