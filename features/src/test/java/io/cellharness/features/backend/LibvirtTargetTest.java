package io.cellharness.features.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LibvirtTargetTest {

    @Test
    void aLoneUriIsTheFirstHostEvenWithAnEqualsSignInIt() {
        assertThat(LibvirtTarget.parse(" qemu+unix:///system?socket=/tmp/a/run/libvirt-sock "))
                .containsExactly(new LibvirtTarget("cube1", "qemu+unix:///system?socket=/tmp/a/run/libvirt-sock"));
        assertThat(LibvirtTarget.parse("qemu:///system")).containsExactly(new LibvirtTarget("cube1", "qemu:///system"));
    }

    @Test
    void hostsAreNamedInPairs() {
        assertThat(LibvirtTarget.parse("cube1=qemu+tcp://10.0.0.1/system, cube2=qemu+unix:///system?socket=/s"))
                .isEqualTo(List.of(new LibvirtTarget("cube1", "qemu+tcp://10.0.0.1/system"),
                        new LibvirtTarget("cube2", "qemu+unix:///system?socket=/s")));
    }

    @Test
    void badListsAreOneLineErrors() {
        assertThatThrownBy(() -> LibvirtTarget.parse("")).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("cell.libvirt.uri is empty");
        assertThatThrownBy(() -> LibvirtTarget.parse("cube1=qemu:///system,qemu+tcp://b/system"))
                .hasMessageContaining("'qemu+tcp://b/system' is not host=URI");
        assertThatThrownBy(() -> LibvirtTarget.parse("cube1=a:///x,cube1=b:///y")).hasMessageContaining("named twice");
        assertThatThrownBy(() -> LibvirtTarget.parse("cube1=")).hasMessageContaining("host cube1 has no URI");
    }
}
