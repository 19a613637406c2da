package io.cellharness.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FenceDriver} must do (H-04, H-06, H-09), written once and run against each world by a subclass:
 * the simulator's BMC, ipmitool against OpenIPMI's {@code ipmi_sim}, Redfish against a WireMock BMC. Outcomes are the
 * port's three: ok, failed (certainly did not act), unknown (may have acted; a timeout is not a failure). Only a
 * power status read back as {@link PowerState#OFF} confirms a fence.
 *
 * <p>A world supplies a working BMC whose host starts powered on, the host's power as the hardware has it (the ground
 * truth beside what the BMC says), a BMC that does not answer, and a way to make the BMC acknowledge power commands
 * without carrying them out. Shared with the backends through cell-core's test-jar.
 */
public abstract class FenceDriverContract {

    /** A driver of a BMC that works; its host is powered on when each test starts. */
    protected abstract FenceDriver driver();

    /** A driver whose BMC does not answer at all (nothing listens at its address, or its network is cut). */
    protected abstract FenceDriver unreachableDriver();

    /** The host's power as the hardware has it, whatever the BMC says. */
    protected abstract PowerState hardwarePower();

    /** From now on the BMC of {@link #driver()} answers power commands as done and does nothing. */
    protected abstract void bmcIgnoresCommands();

    /** Waits until {@code operation} completes, the way this world makes progress, within the world's bound. */
    protected abstract <T> OpResult<T> await(CompletionStage<OpResult<T>> operation);

    @Test
    public void powersOffReadsOffBackAndPowersOnAgain() {
        FenceDriver bmc = driver();
        assertThat(await(bmc.powerStatus())).isEqualTo(OpResult.ok(PowerState.ON));

        assertThat(await(bmc.powerOff())).isEqualTo(OpResult.ok());
        awaitReadBack(bmc, PowerState.OFF);
        assertThat(hardwarePower()).isEqualTo(PowerState.OFF);

        assertThat(await(bmc.powerOn())).isEqualTo(OpResult.ok());
        awaitReadBack(bmc, PowerState.ON);
        assertThat(hardwarePower()).isEqualTo(PowerState.ON);
    }

    @Test
    public void aBmcThatDoesNotAnswerIsUnknownNeverFailedOrOk() {
        FenceDriver silent = unreachableDriver();

        OpResult<Void> off = await(silent.powerOff());
        OpResult<PowerState> status = await(silent.powerStatus());

        assertThat(off).isInstanceOf(OpResult.Unknown.class);
        assertThat(status).isInstanceOf(OpResult.Unknown.class);
        assertThat(off.reason()).isNotBlank().doesNotContain("\n");
    }

    @Test
    public void aBmcThatSaysDoneAndDoesNothingIsCaughtByTheReadBack() {
        FenceDriver bmc = driver();
        bmcIgnoresCommands();

        OpResult<Void> off = await(bmc.powerOff());
        OpResult<PowerState> readBack = await(bmc.powerStatus());

        assertThat(off).as("the BMC acknowledged the command").isEqualTo(OpResult.ok());
        assertThat(readBack).as("only the read-back tells the truth (H-06)").isEqualTo(OpResult.ok(PowerState.ON));
        assertThat(hardwarePower()).isEqualTo(PowerState.ON);
    }

    /**
     * Reads the power back until it reports {@code expected}: a BMC may acknowledge a command before the chassis has
     * changed (the simulator's power-off takes time, as real power supplies do). Gives up after a few reads.
     */
    protected void awaitReadBack(FenceDriver bmc, PowerState expected) {
        OpResult<PowerState> last = null;
        for (int read = 0; read < 20; read++) {
            last = await(bmc.powerStatus());
            if (last.equals(OpResult.ok(expected))) {
                return;
            }
            pause();
        }
        assertThat(last).as("power read back").isEqualTo(OpResult.ok(expected));
    }

    /** Lets the world move on a little between two read-backs (virtual time in the simulator). */
    protected abstract void pause();
}
