package io.cellharness.fence;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.cellharness.core.model.BmcKind;
import io.cellharness.core.port.PowerState;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fence driver contract through the engine's port ({@link BmcFenceDrivers}) on Redfish against a real HTTPS
 * server (WireMock) playing a BMC with a self-signed certificate: its system's PowerState follows the resets it
 * receives, it answers 401 to any other login, and on request it acknowledges resets without acting.
 */
class RedfishFenceDriverContractTest extends RealBmcFenceDriverContract {

    private static final String SYSTEMS = "/redfish/v1/Systems";
    private static final String SYSTEM = "/redfish/v1/Systems/1";
    private static final String RESET = SYSTEM + "/Actions/ComputerSystem.Reset";
    private static final String USERNAME = "fenceadmin";
    private static final String PASSWORD = "Redfish-Contract-3b7d";
    private static final String WRONG = "Not-The-Password-9a0";

    @TempDir
    static Path certificates;
    private static WireMockServer bmc;
    private static ExecutorService blocking;
    private static SelfSignedCertificate certificate;
    private static int closedPort;

    @BeforeAll
    static void startBmc() throws Exception {
        certificate = SelfSignedCertificate.generate(certificates, "bmc", "ip:127.0.0.1,dns:localhost");
        bmc = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystoreType("PKCS12")
                .keystorePath(certificate.keyStore().toString())
                .keystorePassword(certificate.password())
                .keyManagerPassword(certificate.password()));
        bmc.start();
        blocking = Executors.newFixedThreadPool(2);
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
    }

    @AfterAll
    static void stopBmc() {
        bmc.stop();
        blocking.shutdownNow();
    }

    @BeforeEach
    void bmcObeysAndDriversAreBuilt() throws Exception {
        bmc.resetAll();
        bmc.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(401)));
        bmc.stubFor(get(SYSTEMS).atPriority(1).withBasicAuth(USERNAME, PASSWORD).willReturn(okJson(
                "{\"Members@odata.count\":1,\"Members\":[{\"@odata.id\":\"" + SYSTEM + "\"}]}")));
        bmc.stubFor(get(SYSTEM).atPriority(1).withBasicAuth(USERNAME, PASSWORD).inScenario("power")
                .whenScenarioStateIs(STARTED).willReturn(okJson("{\"Id\":\"1\",\"PowerState\":\"On\"}")));
        bmc.stubFor(get(SYSTEM).atPriority(1).withBasicAuth(USERNAME, PASSWORD).inScenario("power")
                .whenScenarioStateIs("off").willReturn(okJson("{\"Id\":\"1\",\"PowerState\":\"Off\"}")));
        bmc.stubFor(post(RESET).atPriority(2).withBasicAuth(USERNAME, PASSWORD).inScenario("power")
                .withRequestBody(equalToJson("{\"ResetType\":\"ForceOff\"}")).willReturn(noContent())
                .willSetStateTo("off"));
        bmc.stubFor(post(RESET).atPriority(2).withBasicAuth(USERNAME, PASSWORD).inScenario("power")
                .withRequestBody(equalToJson("{\"ResetType\":\"On\"}")).willReturn(noContent())
                .willSetStateTo(STARTED));
        BmcDriverFactory factory = new BmcDriverFactory(new FenceExecutors(blocking, Runnable::run),
                IpmiToolFenceDriver.Settings.defaults(),
                RedfishFenceDriver.Settings.defaults().withRequestTimeout(Duration.ofSeconds(5)),
                TlsTrust.certificatesFrom(certificate.certificate()),
                Map.of(GOOD, PASSWORD, WRONG_ENV, WRONG)::get);
        String address = "127.0.0.1:" + bmc.httpsPort();
        useBmcs("redfish-contract", BmcKind.REDFISH, USERNAME, address, "127.0.0.1:" + closedPort, factory);
    }

    @Override
    protected String wrongPassword() {
        return WRONG;
    }

    @Override
    protected String rightPassword() {
        return PASSWORD;
    }

    /** The hardware is the WireMock scenario's state: what a GET of the system would answer. */
    @Override
    protected PowerState hardwarePower() {
        String state = bmc.getAllScenarios().getScenarios().stream()
                .filter(s -> s.getName().equals("power")).findFirst().orElseThrow().getState();
        return state.equals("off") ? PowerState.OFF : PowerState.ON;
    }

    /** Resets are acknowledged above the obeying stubs' priority and change no state. */
    @Override
    protected void bmcIgnoresCommands() {
        bmc.stubFor(post(RESET).atPriority(1).withBasicAuth(USERNAME, PASSWORD).willReturn(noContent()));
    }

    @Override
    protected void pause() {
        // WireMock's state changes as it answers: a read-back right after the command already sees it.
    }
}
