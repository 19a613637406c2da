package io.cellharness.fence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.BmcKind;
import io.cellharness.core.model.BmcSpec;
import io.cellharness.core.port.FenceDriver;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PowerState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link IpmiToolFenceDriver} against a real BMC simulator (OpenIPMI's ipmi_sim) through the real ipmitool. */
@ExtendWith(IpmiSimExtension.class)
class IpmiToolFenceDriverTest {

    /**
     * ipmi_sim does not answer "Get Channel Cipher Suites", so suite 3 (RAKP-HMAC-SHA1) is named rather than
     * negotiated; short LAN timeouts keep the unreachable cases quick.
     */
    private static final IpmiToolFenceDriver.Settings SETTINGS = IpmiToolFenceDriver.Settings.defaults()
            .withCipherSuite(3)
            .withLanTimeout(1, 1)
            .withCommandTimeout(Duration.ofSeconds(20));
    /** Bound on waiting for any one outcome: generous, so that only a hang fails it (H-09). */
    private static final long BOUND_SECONDS = 30;

    private static ExecutorService blocking;

    @BeforeAll
    static void startPool() {
        blocking = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopPool() {
        blocking.shutdownNow();
    }

    private static FenceExecutors executors() {
        return new FenceExecutors(blocking, Runnable::run);
    }

    private static IpmiToolFenceDriver driver(IpmiSim sim, BmcCredentials credentials,
                                              IpmiToolFenceDriver.Settings settings) {
        return new IpmiToolFenceDriver("node1", sim.address(), credentials, settings, executors());
    }

    private static <T> OpResult<T> await(CompletionStage<OpResult<T>> stage) throws Exception {
        return stage.toCompletableFuture().get(BOUND_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void powersOffAndOnAndReadsTheStateBack(IpmiSim sim) throws Exception {
        IpmiToolFenceDriver driver = driver(sim, sim.credentials(), SETTINGS);

        assertThat(await(driver.powerStatus())).isEqualTo(OpResult.ok(PowerState.ON));
        assertThat(await(driver.powerOff())).isEqualTo(OpResult.ok());
        assertThat(sim.power()).isEqualTo(PowerState.OFF);
        assertThat(await(driver.powerStatus())).isEqualTo(OpResult.ok(PowerState.OFF));
        assertThat(await(driver.powerOn())).isEqualTo(OpResult.ok());
        assertThat(await(driver.powerStatus())).isEqualTo(OpResult.ok(PowerState.ON));
        assertThat(await(driver.reset())).isEqualTo(OpResult.ok());

        assertThat(sim.chassisCommands()).containsExactly("power 0", "power 1", "reset 1");
    }

    @Test
    void aWrongPasswordIsAFailedLoginNamingTheBmc(IpmiSim sim) throws Exception {
        IpmiToolFenceDriver driver = driver(sim, new BmcCredentials(IpmiSim.USERNAME, "not-the-password"),
                SETTINGS);

        OpResult<Void> result = await(driver.powerOff());

        assertThat(result).isInstanceOf(OpResult.Failed.class);
        assertThat(result.reason())
                .contains("BMC " + sim.address())
                .contains("refused the login of user '" + IpmiSim.USERNAME + "'")
                .contains("wrong password")
                .doesNotContain("not-the-password")
                .doesNotContain("\n");
        assertThat(sim.chassisCommands()).isEmpty();
        assertThat(sim.power()).isEqualTo(PowerState.ON);
    }

    @Test
    void anUnknownUserIsAFailedLogin(IpmiSim sim) throws Exception {
        IpmiToolFenceDriver driver = driver(sim, new BmcCredentials("intruder", IpmiSim.PASSWORD), SETTINGS);

        OpResult<PowerState> result = await(driver.powerStatus());

        assertThat(result).isInstanceOf(OpResult.Failed.class);
        assertThat(result.reason()).contains("BMC " + sim.address()).contains("unauthorized name")
                .doesNotContain(IpmiSim.PASSWORD);
    }

    @Test
    void aBmcThatDoesNotListenIsUnknownWithinIpmitoolsTimeout(IpmiSim sim) throws Exception {
        BmcAddress silent = new BmcAddress("127.0.0.1", IpmiSim.unusedUdpPort());
        IpmiToolFenceDriver driver = new IpmiToolFenceDriver("node1", silent, sim.credentials(),
                SETTINGS.withLanTimeout(1, 1), executors());

        OpResult<Void> result = await(driver.powerOff());

        assertThat(result).isInstanceOf(OpResult.Unknown.class);
        assertThat(result.reason()).contains("BMC " + silent).contains("unreachable");
    }

    @Test
    void anIpmitoolRunPastTheHardTimeoutIsKilledAndUnknown(IpmiSim sim) throws Exception {
        // ipmitool alone would wait 10 s per try for the silent port; the hard timeout ends it after one.
        BmcAddress silent = new BmcAddress("127.0.0.1", IpmiSim.unusedUdpPort());
        IpmiToolFenceDriver driver = new IpmiToolFenceDriver("node1", silent, sim.credentials(),
                SETTINGS.withLanTimeout(10, 3).withCommandTimeout(Duration.ofSeconds(1)), executors());

        // ipmitool alone would take 3 x 10 s; the bound leaves room for a busy machine and stays below that.
        OpResult<Void> result = driver.powerOff().toCompletableFuture().get(20, TimeUnit.SECONDS);

        assertThat(result).isInstanceOf(OpResult.Unknown.class);
        assertThat(result.reason()).contains("BMC " + silent).contains("did not finish within 1.0 s")
                .contains("killed ipmitool").contains("outcome unknown");
    }

    @Test
    void thePasswordIsNeverOnTheCommandLine(IpmiSim sim) {
        IpmiToolFenceDriver driver = driver(sim, sim.credentials(), SETTINGS);

        for (IpmiToolFenceDriver.PowerCommand command : IpmiToolFenceDriver.PowerCommand.values()) {
            List<String> argv = driver.commandLine(command);
            assertThat(argv).noneMatch(argument -> argument.contains(IpmiSim.PASSWORD))
                    .doesNotContain("-P", "-f", "-a")
                    .contains("-E")
                    .containsSequence("-I", "lanplus")
                    .containsSequence("-H", "127.0.0.1", "-p", Integer.toString(sim.address().port()))
                    .containsSequence("-U", IpmiSim.USERNAME)
                    .containsSequence("-N", "1", "-R", "1")
                    .endsWith("chassis", "power", command.argument);
        }
        assertThat(driver.toString()).doesNotContain(IpmiSim.PASSWORD);
    }

    @Test
    void aMissingIpmitoolBinaryIsFailedBecauseNothingWasSent(IpmiSim sim) throws Exception {
        IpmiToolFenceDriver driver = driver(sim, sim.credentials(),
                SETTINGS.withIpmitool("/nonexistent/bin/ipmitool"));

        OpResult<Void> result = await(driver.powerOff());

        assertThat(result).isInstanceOf(OpResult.Failed.class);
        assertThat(result.reason()).contains("not sent").contains("/nonexistent/bin/ipmitool");
    }

    @Test
    void theOutcomeIsDeliveredOnTheEngineExecutor(IpmiSim sim) throws Exception {
        BlockingQueue<Runnable> engine = new LinkedBlockingQueue<>();
        IpmiToolFenceDriver driver = new IpmiToolFenceDriver("node1", sim.address(), sim.credentials(), SETTINGS,
                new FenceExecutors(blocking, engine::add));

        CompletableFuture<OpResult<PowerState>> status = driver.powerStatus().toCompletableFuture();
        Runnable delivery = engine.poll(BOUND_SECONDS, TimeUnit.SECONDS);

        assertThat(delivery).isNotNull();
        assertThat(status).isNotDone(); // ipmitool has answered, but only the engine may complete the stage
        delivery.run();
        assertThat(status).isCompletedWithValue(OpResult.ok(PowerState.ON));
    }

    @Test
    void builtFromABmcSpecThroughFenceDriversItReadsThePasswordFromTheNamedVariable(IpmiSim sim) throws Exception {
        BmcSpec spec = new BmcSpec(sim.address().toString(), BmcKind.IPMI, IpmiSim.USERNAME, "NODE1_BMC_PASSWORD");
        BmcDriverFactory drivers = new BmcDriverFactory(executors(), SETTINGS, RedfishFenceDriver.Settings.defaults(),
                TlsTrust.systemDefault(), Map.of("NODE1_BMC_PASSWORD", IpmiSim.PASSWORD)::get);

        FenceDriver driver = drivers.forHost("node1", spec);

        assertThat(driver).isInstanceOf(IpmiToolFenceDriver.class);
        assertThat(driver.host()).isEqualTo("node1");
        assertThat(await(driver.powerOff())).isEqualTo(OpResult.ok());
        assertThat(await(driver.powerStatus())).isEqualTo(OpResult.ok(PowerState.OFF));
    }
}
