package io.cellharness.fence;

import io.cellharness.core.model.BmcKind;
import io.cellharness.core.port.PowerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fence driver contract through the engine's port ({@link BmcFenceDrivers}) on ipmitool against a real BMC
 * simulator (OpenIPMI's {@code ipmi_sim}): the one the simulator's BMC passes too.
 */
@ExtendWith(IpmiSimExtension.class)
class IpmiFenceDriverContractTest extends RealBmcFenceDriverContract {

    private static final IpmiToolFenceDriver.Settings SETTINGS = IpmiToolFenceDriver.Settings.defaults()
            .withCipherSuite(3)
            .withLanTimeout(1, 1)
            .withCommandTimeout(Duration.ofSeconds(20));
    private static final String WRONG = "Not-The-Password-5e1";

    private static ExecutorService blocking;
    private IpmiSim sim;

    @BeforeAll
    static void startPool() {
        blocking = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopPool() {
        blocking.shutdownNow();
    }

    @BeforeEach
    void bmcs(IpmiSim ipmiSim) throws IOException {
        sim = ipmiSim;
        BmcDriverFactory factory = new BmcDriverFactory(new FenceExecutors(blocking, Runnable::run), SETTINGS,
                RedfishFenceDriver.Settings.defaults(), TlsTrust.systemDefault(),
                Map.of(GOOD, IpmiSim.PASSWORD, WRONG_ENV, WRONG)::get);
        String address = sim.address().toString();
        useBmcs("ipmi-contract", BmcKind.IPMI, IpmiSim.USERNAME, address, "127.0.0.1:" + IpmiSim.unusedUdpPort(),
                factory);
    }

    @Override
    protected String wrongPassword() {
        return WRONG;
    }

    @Override
    protected String rightPassword() {
        return IpmiSim.PASSWORD;
    }

    @Override
    protected PowerState hardwarePower() {
        return sim.power();
    }

    @Override
    protected void bmcIgnoresCommands() {
        sim.ignoreCommands();
    }

    @Override
    protected void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }
}
