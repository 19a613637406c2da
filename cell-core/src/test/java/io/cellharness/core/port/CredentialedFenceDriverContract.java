package io.cellharness.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The {@link FenceDriverContract} for BMCs that log in (IPMI, Redfish): a wrong password is a clear failure that names
 * the host and never the password, and it powers nothing.
 */
public abstract class CredentialedFenceDriverContract extends FenceDriverContract {

    /** A driver of the same BMC as {@link #driver()} logging in with {@link #wrongPassword()}. */
    protected abstract FenceDriver driverWithWrongPassword();

    /** The wrong password that driver sends; it must appear in no reason. */
    protected abstract String wrongPassword();

    /** The right password, which must appear in no reason either. */
    protected abstract String rightPassword();

    @Test
    public void aWrongPasswordFailsNamingTheHostAndNotThePassword() {
        FenceDriver bmc = driverWithWrongPassword();

        OpResult<Void> off = await(bmc.powerOff());

        assertThat(off).isInstanceOf(OpResult.Failed.class);
        assertThat(off.reason()).contains("host " + bmc.host())
                .doesNotContain(wrongPassword())
                .doesNotContain(rightPassword())
                .doesNotContain("\n");
        assertThat(hardwarePower()).isEqualTo(PowerState.ON);
    }
}
