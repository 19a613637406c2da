package io.cellharness.fence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PowerState;
import io.cellharness.fence.IpmiToolFenceDriver.PowerCommand;
import org.junit.jupiter.api.Test;

/**
 * How ipmitool's answers are judged, for the answers a simulator does not easily give. The texts are ipmitool 1.8.19's
 * own, as printed with {@code -v} under {@code LC_ALL=C}.
 */
class IpmiToolOutputTest {

    private static final BmcAddress BMC = new BmcAddress("10.0.0.5", 623);
    private static final String VERBOSE_PREAMBLE = "Loading IANA PEN Registry...\n"
            + "Running Get VSO Capabilities my_addr 0x20, transit 0, target 0x20\n"
            + "Invalid completion code received: Invalid command\n"
            + "Discovered IPMB address 0x0\n";

    private static OpResult<Void> control(int exit, String stdout, String stderr) {
        return IpmiToolOutput.finished(PowerCommand.OFF, BMC, "admin", exit, stdout, stderr).control();
    }

    private static OpResult<PowerState> status(int exit, String stdout, String stderr) {
        return IpmiToolOutput.finished(PowerCommand.STATUS, BMC, "admin", exit, stdout, stderr).powerState();
    }

    @Test
    void readsThePowerStateFromAStatusAnswer() {
        assertThat(status(0, "Chassis Power is off\n", VERBOSE_PREAMBLE)).isEqualTo(OpResult.ok(PowerState.OFF));
        assertThat(status(0, "Chassis Power is on\n", VERBOSE_PREAMBLE)).isEqualTo(OpResult.ok(PowerState.ON));
    }

    @Test
    void aCommandIsOkOnlyWhenIpmitoolReportsTheControlDone() {
        assertThat(control(0, "Chassis Power Control: Down/Off\n", VERBOSE_PREAMBLE)).isEqualTo(OpResult.ok());
        assertThat(control(0, "", VERBOSE_PREAMBLE)).isInstanceOf(OpResult.Unknown.class);
    }

    @Test
    void aSuccessfulRunWithAnAnswerNotUnderstoodIsUnknown() {
        OpResult<PowerState> result = status(0, "Chassis Power is flickering\n", "");

        assertThat(result).isInstanceOf(OpResult.Unknown.class);
        assertThat(result.reason()).contains("10.0.0.5:623").contains("flickering");
    }

    @Test
    void aCompletionCodeMeansTheBmcRefusedTheCommand() {
        OpResult<Void> result = control(1, "", VERBOSE_PREAMBLE
                + "Set Chassis Power Control to Down/Off failed: Insufficient privilege level\n");

        assertThat(result).isInstanceOf(OpResult.Failed.class);
        assertThat(result.reason())
                .isEqualTo("BMC 10.0.0.5:623 refused chassis power off: Insufficient privilege level");
    }

    @Test
    void noReplyToTheCommandAfterTheSessionOpenedIsUnknown() {
        OpResult<Void> result = control(1, "", VERBOSE_PREAMBLE + "Unable to set Chassis Power Control to Down/Off\n");

        assertThat(result).isInstanceOf(OpResult.Unknown.class);
        assertThat(result.reason()).contains("did not answer chassis power off").contains("outcome unknown");
    }

    @Test
    void noReplyToAStatusReadIsUnknown() {
        assertThat(status(1, "", "Unable to get Chassis Power Status\n")).isInstanceOf(OpResult.Unknown.class);
        assertThat(status(1, "", "Get Chassis Power Status failed: Node busy\n"))
                .isInstanceOf(OpResult.Failed.class);
    }

    @Test
    void refusedLoginsAreFailed() {
        assertThat(control(1, "", "> RAKP 2 HMAC is invalid\nError: Unable to establish IPMI v2 / RMCP+ session\n")
                .reason()).isEqualTo("BMC 10.0.0.5:623 refused the login of user 'admin': wrong password "
                + "(RAKP 2 HMAC is invalid)");
        assertThat(control(1, "", "RAKP 2 message indicates an error : unauthorized name\n"
                + "Error: Unable to establish IPMI v2 / RMCP+ session\n"))
                .isEqualTo(OpResult.failed("BMC 10.0.0.5:623 refused the login of user 'admin': unauthorized name"));
        assertThat(control(1, "", "Error in open session response message : invalid authentication algorithm\n"
                + "Error: Unable to establish IPMI v2 / RMCP+ session\n"))
                .isEqualTo(OpResult.failed("BMC 10.0.0.5:623 refused an IPMI session for user 'admin': "
                        + "invalid authentication algorithm"));
        assertThat(control(1, "", "RAKP 4 message has invalid integrity check value\n"))
                .isInstanceOf(OpResult.Failed.class);
    }

    @Test
    void noSessionWithoutARefusalIsUnknown() {
        OpResult<Void> result = control(1, "", "Get Auth Capabilities error\n"
                + "Error issuing Get Channel Authentication Capabilities request\n"
                + "Error: Unable to establish IPMI v2 / RMCP+ session\n");

        assertThat(result).isEqualTo(OpResult.unknown("BMC 10.0.0.5:623 unreachable: no IPMI session for chassis "
                + "power off within ipmitool's timeout and retries"));
    }

    @Test
    void anUnresolvableNameIsFailedBecauseNothingWasSent() {
        OpResult<Void> result = control(1, "", "Address lookup for bmc-node1.invalid failed\n"
                + "Error: Unable to establish IPMI v2 / RMCP+ session\n");

        assertThat(result).isInstanceOf(OpResult.Failed.class);
        assertThat(result.reason()).contains("not sent").contains("does not resolve");
    }

    @Test
    void anythingElseIsUnknownWithIpmitoolsLastWords() {
        OpResult<Void> result = control(3, "", "something odd\n  and then this  \n\n");

        assertThat(result).isEqualTo(OpResult.unknown(
                "chassis power off on BMC 10.0.0.5:623: ipmitool exited 3: and then this"));
    }
}
