package io.cellharness.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Size;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuestVirtualisationTest {

    private static HostSpec host(String name, Boolean kvm) {
        return new HostSpec(name, 8, Size.ofGiB(32), null, null, null, null, null, null, null, kvm);
    }

    private static ClusterSpec cluster(HostSpec... hosts) {
        return new ClusterSpec("c", null, List.of(hosts), List.of());
    }

    @Test
    void hostsHaveHardwareVirtualisationUnlessTheySayOtherwise() {
        assertThat(GuestVirtualisation.of(host("a", null))).isEqualTo("kvm");
        assertThat(GuestVirtualisation.of(host("a", true))).isEqualTo("kvm");
        assertThat(GuestVirtualisation.of(host("a", false))).isEqualTo("qemu (TCG)");
        assertThat(host("a", false).withKvm(true).hasKvm()).isTrue();
    }

    @Test
    void aClusterNamesItsGuestsAndTheHostsThatEmulate() {
        assertThat(GuestVirtualisation.of(cluster(host("a", null), host("b", true)))).isEqualTo("kvm");
        assertThat(GuestVirtualisation.of(cluster(host("a", false), host("b", false)))).isEqualTo("qemu (TCG)");
        assertThat(GuestVirtualisation.of(cluster(host("a", true), host("b", false), host("c", false))))
                .isEqualTo("kvm; qemu (TCG) on b, c");
        // the other withers keep the flag
        assertThat(host("a", false).withSwitchLacp(true).withCpu(null).hasKvm()).isFalse();
    }
}
