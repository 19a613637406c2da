package io.cellharness.libvirt.xml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GuestCapabilitiesTest {

    /** The x86-64 guest of Debian 12's libvirt 9.0 with QEMU 7.2, trimmed. */
    private static final String QEMU_7_2 = """
            <capabilities>
              <host><cpu><arch>x86_64</arch></cpu></host>
              <guest>
                <os_type>hvm</os_type>
                <arch name='i686'>
                  <machine maxCpus='288'>pc-q35-7.2</machine>
                  <domain type='qemu'/>
                </arch>
              </guest>
              <guest>
                <os_type>hvm</os_type>
                <arch name='x86_64'>
                  <wordsize>64</wordsize>
                  <emulator>/usr/bin/qemu-system-x86_64</emulator>
                  <machine maxCpus='255'>pc-i440fx-7.2</machine>
                  <machine canonical='pc-i440fx-7.2' maxCpus='255'>pc</machine>
                  <machine maxCpus='288'>pc-q35-7.2</machine>
                  <machine canonical='pc-q35-7.2' maxCpus='288'>q35</machine>
                  <machine maxCpus='1'>none</machine>
                  <domain type='qemu'/>
                  %s
                </arch>
              </guest>
            </capabilities>
            """;

    @Test
    void kvmIsUsedWhereLibvirtOffersItAndTcgElsewhere() {
        assertThat(GuestCapabilities.parse(QEMU_7_2.formatted("<domain type='kvm'/>")).domainType())
                .isEqualTo(DomainType.KVM);
        assertThat(GuestCapabilities.parse(QEMU_7_2.formatted("")).domainType()).isEqualTo(DomainType.QEMU);
    }

    @Test
    void eachMachineSaysHowManyVcpusItRuns() { // L-02: QEMU 7.2's q35 runs 288, fewer than the documented 710
        GuestCapabilities caps = GuestCapabilities.parse(QEMU_7_2.formatted(""));

        assertThat(caps.maxVcpus(MachineType.Q35)).hasValue(288);
        assertThat(caps.maxVcpus(MachineType.I440FX)).hasValue(255);
        assertThat(caps.machineVcpus()).containsEntry("pc-q35-7.2", 288);
    }

    @Test
    void theTestDriverOffersNeitherKvmNorMachines() {
        GuestCapabilities caps = GuestCapabilities.parse("""
                <capabilities><guest><os_type>hvm</os_type><arch name='i686'><domain type='test'/></arch></guest>
                </capabilities>""");

        assertThat(caps.domainType()).isEqualTo(DomainType.QEMU);
        assertThat(caps.maxVcpus(MachineType.Q35)).isEmpty();
    }
}
