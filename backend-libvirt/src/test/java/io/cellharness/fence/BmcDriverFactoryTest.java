package io.cellharness.fence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellharness.core.model.BmcKind;
import io.cellharness.core.model.BmcSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.port.FenceDriver;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Choosing and building drivers from a BMC spec, and the one-line errors for specs that cannot be fenced. Talking to
 * a BMC through a driver built here is tested against ipmi_sim and WireMock in the drivers' own tests.
 */
class BmcDriverFactoryTest {

    private static final FenceExecutors INLINE = new FenceExecutors(Runnable::run, Runnable::run);
    private static final BmcDriverFactory DRIVERS = BmcDriverFactory.withDefaults(INLINE,
            Map.of("NODE1_BMC_PASSWORD", "pw-1")::get);

    @Test
    void ipmiBmcsGetIpmitoolAndRedfishBmcsGetRedfish() {
        FenceDriver ipmi = DRIVERS.forHost("node1", new BmcSpec("10.0.0.5", BmcKind.IPMI, "admin",
                "NODE1_BMC_PASSWORD"));
        FenceDriver redfish = DRIVERS.forHost("node1", new BmcSpec("10.0.0.6:8443", BmcKind.REDFISH, "admin",
                "NODE1_BMC_PASSWORD"));

        assertThat(ipmi).isInstanceOf(IpmiToolFenceDriver.class);
        assertThat(((IpmiToolFenceDriver) ipmi).address()).isEqualTo(new BmcAddress("10.0.0.5", 623));
        assertThat(redfish).isInstanceOf(RedfishFenceDriver.class).hasToString(
                "RedfishFenceDriver[host=node1, bmc=https://10.0.0.6:8443, user=admin]");
        assertThat(DRIVERS.forHost("node1", new BmcSpec("bmc1.lab", BmcKind.REDFISH, "admin", "NODE1_BMC_PASSWORD")))
                .hasToString("RedfishFenceDriver[host=node1, bmc=https://bmc1.lab, user=admin]");
    }

    @Test
    void aHostIsFencedThroughItsOwnBmcAndAHostWithoutOneCannotBe() {
        HostSpec node1 = new HostSpec("node1", 32, Size.ofGiB(256), null, null,
                new BmcSpec("10.0.0.5", BmcKind.IPMI, "admin", "NODE1_BMC_PASSWORD"), null, null, null);
        HostSpec node3 = new HostSpec("node3", 32, Size.ofGiB(256), null, null, null, null, null, null);

        assertThat(DRIVERS.forHost(node1).host()).isEqualTo("node1");
        assertThatThrownBy(() -> DRIVERS.forHost(node3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host node3 has no bmc, so it cannot be fenced (H-04)");
    }

    @Test
    void aSpecWithoutKindIsIpmi() {
        assertThat(DRIVERS.forHost("node1", new BmcSpec("10.0.0.5", null, "admin", "NODE1_BMC_PASSWORD")))
                .isInstanceOf(IpmiToolFenceDriver.class);
    }

    @Test
    void anUnsetPasswordVariableIsNamedWithTheHost() {
        assertThatThrownBy(() -> DRIVERS.forHost("node2", new BmcSpec("10.0.0.7", BmcKind.IPMI, "admin",
                "NODE2_BMC_PASSWORD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host node2: BMC 10.0.0.7: environment variable NODE2_BMC_PASSWORD (its passwordEnv) "
                        + "is not set");
    }

    @Test
    void aMissingUserOrVariableNameIsNamedWithTheHost() {
        assertThatThrownBy(() -> DRIVERS.forHost("node1", new BmcSpec("10.0.0.5", BmcKind.IPMI, null,
                "NODE1_BMC_PASSWORD")))
                .hasMessage("host node1: BMC 10.0.0.5 has no username");
        assertThatThrownBy(() -> DRIVERS.forHost("node1", new BmcSpec("10.0.0.5", BmcKind.IPMI, "admin", null)))
                .hasMessageStartingWith("host node1: BMC 10.0.0.5 has no passwordEnv");
    }

    @Test
    void aMalformedAddressIsNamedWithTheHost() {
        assertThatThrownBy(() -> DRIVERS.forHost("node1", new BmcSpec("10.0.0.5:x", BmcKind.REDFISH, "admin",
                "NODE1_BMC_PASSWORD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host node1: BMC address '10.0.0.5:x': port 'x' is not a number from 1 to 65535");
    }

    @Test
    void settingsRefuseValuesThatWouldHangOrMeanNothing() {
        IpmiToolFenceDriver.Settings ipmi = IpmiToolFenceDriver.Settings.defaults();
        assertThatThrownBy(() -> ipmi.withLanTimeout(1, 0)).hasMessageContaining("-R must be at least 1");
        assertThatThrownBy(() -> ipmi.withLanTimeout(0, 1)).hasMessageContaining("-N must be at least 1");
        assertThatThrownBy(() -> ipmi.withCommandTimeout(Duration.ZERO)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> RedfishFenceDriver.Settings.defaults().withSystemPath("Systems/1"))
                .hasMessageContaining("must start with '/'");
    }

    @Test
    void theDefaultsComeFromLimits() {
        assertThat(IpmiToolFenceDriver.Settings.defaults()).isEqualTo(new IpmiToolFenceDriver.Settings("ipmitool",
                2, 2, Duration.ofSeconds(30), null));
        assertThat(RedfishFenceDriver.Settings.defaults().requestTimeout()).isEqualTo(Duration.ofSeconds(15));
    }
}
