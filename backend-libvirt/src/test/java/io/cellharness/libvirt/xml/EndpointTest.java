package io.cellharness.libvirt.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellharness.core.model.CpuVendor;
import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void readsHostsPortsAndBracketedAddresses() {
        assertThat(Endpoint.parse("mon-1", "m")).isEqualTo(new Endpoint("mon-1", null));
        assertThat(Endpoint.parse("10.0.0.1:6789", "m")).isEqualTo(new Endpoint("10.0.0.1", 6789));
        assertThat(Endpoint.parse("[fd00::1]:3300", "m")).isEqualTo(new Endpoint("fd00::1", 3300));
        assertThat(new Endpoint("fd00::1", 3300)).hasToString("[fd00::1]:3300");
    }

    @Test
    void badEndpointsNameWhatTheyAre() {
        assertThatThrownBy(() -> Endpoint.parse("mon:x", "Glue monitor")).hasMessageStartingWith("Glue monitor 'mon:x'");
        assertThatThrownBy(() -> Endpoint.parse("mon:70000", "Glue monitor")).hasMessageContaining("70000");
    }

    @Test
    void cpuGenerationsOrderFamiliesOldestFirst() {
        assertThat(CpuGenerations.of(CpuVendor.INTEL, "Broadwell-noTSX-IBRS"))
                .isLessThan(CpuGenerations.of(CpuVendor.INTEL, "Skylake-Server"));
        assertThat(CpuGenerations.of(CpuVendor.AMD, "EPYC-Milan-v2")).isGreaterThan(CpuGenerations.of(CpuVendor.AMD, "EPYC"));
        assertThat(CpuGenerations.of(CpuVendor.INTEL, "qemu64")).isZero();
    }
}
