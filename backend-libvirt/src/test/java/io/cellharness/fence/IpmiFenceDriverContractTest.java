package io.cellharness.fence;

import io.cellharness.core.model.BmcKind;
import io.cellharness.core.model.BmcSpec;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.port.CredentialedFenceDriverContract;
import io.cellharness.core.port.FenceDriver;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PowerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fence driver contract through the engine's port ({@link BmcFenceDrivers}) on ipmitool against a real BMC
 * simulator (OpenIPMI's {@code ipmi_sim}): the one the simulator's BMC passes too.
 */
@ExtendWith(IpmiSimExtension.class)
class IpmiFenceDriverContractTest extends CredentialedFenceDriverContract {

    private static final IpmiToolFenceDriver.Settings SETTINGS = IpmiToolFenceDriver.Settings.defaults()
            .withCipherSuite(3)
            .withLanTimeout(1, 1)
            .withCommandTimeout(Duration.ofSeconds(20));
    private static final String WRONG = "Not-The-Password-5e1";

    private static ExecutorService blocking;
    private IpmiSim sim;
    private BmcFenceDrivers drivers;

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
                Map.of("GOOD", IpmiSim.PASSWORD, "WRONG", WRONG)::get);
        String address = sim.address().toString();
        drivers = BmcFenceDrivers.of(new ClusterSpec("ipmi-contract", null, List.of(
                host("node1", address, "GOOD"),
                host("node2", address, "WRONG"),
                host("node3", "127.0.0.1:" + IpmiSim.unusedUdpPort(), "GOOD")), List.of()), factory);
    }

    private static HostSpec host(String name, String address, String passwordEnv) {
        return new HostSpec(name, 16, Size.ofGiB(64), null, null,
                new BmcSpec(address, BmcKind.IPMI, IpmiSim.USERNAME, passwordEnv), null, null, null);
    }

    @Override
    protected FenceDriver driver() {
        return drivers.of("node1").orElseThrow();
    }

    @Override
    protected FenceDriver unreachableDriver() {
        return drivers.of("node3").orElseThrow();
    }

    @Override
    protected FenceDriver driverWithWrongPassword() {
        return drivers.of("node2").orElseThrow();
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
    protected <T> OpResult<T> await(CompletionStage<OpResult<T>> operation) {
        try {
            return operation.toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no outcome within 60 s: " + e, e);
        }
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
