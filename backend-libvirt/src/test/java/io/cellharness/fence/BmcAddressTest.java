package io.cellharness.fence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BmcAddressTest {

    @Test
    void parsesHostsWithAndWithoutPorts() {
        assertThat(BmcAddress.parse("bmc-node1.lab", 623)).isEqualTo(new BmcAddress("bmc-node1.lab", 623));
        assertThat(BmcAddress.parse(" 10.0.0.5:6230 ", 623)).isEqualTo(new BmcAddress("10.0.0.5", 6230));
        assertThat(BmcAddress.parse("[fd00::5]:8443", 443)).isEqualTo(new BmcAddress("fd00::5", 8443));
        assertThat(BmcAddress.parse("[fd00::5]", 443)).isEqualTo(new BmcAddress("fd00::5", 443));
        assertThat(BmcAddress.parse("fd00::5", 623)).isEqualTo(new BmcAddress("fd00::5", 623));
    }

    @Test
    void printsTheFormUsedInReasons() {
        assertThat(new BmcAddress("10.0.0.5", 623)).hasToString("10.0.0.5:623");
        assertThat(new BmcAddress("fd00::5", 443)).hasToString("[fd00::5]:443");
        assertThat(new BmcAddress("fd00::5", 443).uriHost()).isEqualTo("[fd00::5]");
    }

    @Test
    void badAddressesAreRefusedWithTheAddressNamed() {
        assertThatThrownBy(() -> BmcAddress.parse("10.0.0.5:ipmi", 623))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BMC address '10.0.0.5:ipmi': port 'ipmi' is not a number from 1 to 65535");
        assertThatThrownBy(() -> BmcAddress.parse("10.0.0.5:70000", 623))
                .hasMessageContaining("port '70000'");
        assertThatThrownBy(() -> BmcAddress.parse("[fd00::5", 623)).hasMessageContaining("without closing ']'");
        assertThatThrownBy(() -> BmcAddress.parse("  ", 623)).hasMessage("BMC address is empty");
        assertThatThrownBy(() -> BmcAddress.parse(":623", 623)).hasMessage("BMC address has an empty host");
    }
}
