package io.cellharness.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.spec.SpecCodec;
import io.cellharness.core.spec.SpecFormatException;
import org.junit.jupiter.api.Test;

/** N-02 needs to know system VMs; the flag must read, write and survive the with-methods. */
class VmSpecSystemVmTest {

    @Test
    void guestVmsAreNotSystemVmsByDefault() throws SpecFormatException {
        assertThat(VmSpec.of("web", Size.ofGiB(2), 1).isSystemVm()).isFalse();
        VmSpec read = SpecCodec.read("name: web\nmemory: 2GiB\nvcpus: 1\nguestAgent: false\n", "test", VmSpec.class);
        assertThat(read.isSystemVm()).isFalse();
    }

    @Test
    void theFlagReadsWritesAndSurvivesCopies() throws SpecFormatException {
        VmSpec read = SpecCodec.read("name: vr\nmemory: 512MiB\nvcpus: 1\nguestAgent: false\nsystemVm: true\n", "test", VmSpec.class);
        assertThat(read.isSystemVm()).isTrue();
        assertThat(read.withHost("h1").withCpuMode(CpuMode.CUSTOM).withNics(java.util.List.of()).isSystemVm()).isTrue();
        assertThat(SpecCodec.write(read)).contains("systemVm: true");
        assertThat(SpecCodec.write(VmSpec.of("web", Size.ofGiB(2), 1))).doesNotContain("systemVm");
    }
}
