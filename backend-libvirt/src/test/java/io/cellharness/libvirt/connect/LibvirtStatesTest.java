package io.cellharness.libvirt.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.port.DomainState;
import io.cellharness.core.port.LifecycleEventType;
import org.junit.jupiter.api.Test;

class LibvirtStatesTest {

    @Test
    void statesAndReasonsAreLibvirt90Numbers() {
        assertThat(LibvirtStates.state(1)).isEqualTo(DomainState.RUNNING);
        assertThat(LibvirtStates.state(7)).isEqualTo(DomainState.PMSUSPENDED);
        assertThat(LibvirtStates.state(8)).isEqualTo(DomainState.NO_STATE);
        assertThat(LibvirtStates.stateReason(3, 5)).isEqualTo("I/O error"); // S-08: paused on I/O
        assertThat(LibvirtStates.stateReason(5, 4)).isEqualTo("migrated");
        assertThat(LibvirtStates.stateReason(3, 99)).isEqualTo("unknown (99)");
    }

    @Test
    void eventsAndDetailsAreLibvirt90Numbers() {
        assertThat(LibvirtStates.event(0)).isEqualTo(LifecycleEventType.DEFINED);
        assertThat(LibvirtStates.event(8)).isEqualTo(LifecycleEventType.CRASHED);
        assertThat(LibvirtStates.event(9)).isNull();
        assertThat(LibvirtStates.eventDetail(5, 3)).isEqualTo("migrated");
        // Newer than libvirt-java 0.5.4's detail enums, which read these as UNKNOWN.
        assertThat(LibvirtStates.eventDetail(0, 2)).isEqualTo("renamed");
        assertThat(LibvirtStates.eventDetail(3, 7)).isEqualTo("postcopy");
    }
}
