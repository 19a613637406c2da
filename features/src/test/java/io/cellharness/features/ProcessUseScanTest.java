package io.cellharness.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.libvirt.LibvirtHypervisor;
import io.cellharness.libvirt.local.LocalLibvirtDaemon;
import io.cellharness.sim.world.SimHypervisor;
import org.junit.jupiter.api.Test;

class ProcessUseScanTest {

    @Test
    void theLibvirtManagementPathStartsNoProcess() {
        ProcessUseScan.Result scan = ProcessUseScan.from(LibvirtHypervisor.class);

        assertThat(scan.classesScanned()).isGreaterThan(20);
        assertThat(scan.offenders()).isEmpty();
    }

    @Test
    void theSimulatedHypervisorStartsNoProcess() {
        assertThat(ProcessUseScan.from(SimHypervisor.class).offenders()).isEmpty();
    }

    @Test
    void theLocalDaemonLauncherIsCaught() {
        // The scan can fail: the one class that does start processes is found.
        assertThat(ProcessUseScan.from(LocalLibvirtDaemon.class).offenders())
                .contains(LocalLibvirtDaemon.class.getName() + " starts a process");
    }
}
