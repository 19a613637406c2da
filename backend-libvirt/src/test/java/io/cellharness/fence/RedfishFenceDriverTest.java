package io.cellharness.fence;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.cellharness.core.model.BmcKind;
import io.cellharness.core.model.BmcSpec;
import io.cellharness.core.port.FenceDriver;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PowerState;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RedfishFenceDriver} against a real HTTPS server (WireMock) that plays a Redfish BMC with a self-signed
 * certificate, as BMCs ship.
 */
class RedfishFenceDriverTest {

    private static final String SYSTEMS = "/redfish/v1/Systems";
    private static final String SYSTEM = "/redfish/v1/Systems/1";
    private static final String RESET = SYSTEM + "/Actions/ComputerSystem.Reset";
    private static final String USERNAME = "fenceadmin";
    private static final String PASSWORD = "Redfish-Secret-91c2";
    private static final BmcCredentials CREDENTIALS = new BmcCredentials(USERNAME, PASSWORD);
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final RedfishFenceDriver.Settings SETTINGS = RedfishFenceDriver.Settings.defaults()
            .withRequestTimeout(Duration.ofSeconds(10));
    private static final long BOUND_SECONDS = 30;

    @TempDir
    static Path certificates;
    private static SelfSignedCertificate bmcCertificate;
    private static SelfSignedCertificate otherCertificate;
    private static SelfSignedCertificate misnamedCertificate;
    private static WireMockServer bmc;
    private static ExecutorService blocking;
    private static HttpClient trusting;

    @BeforeAll
    static void startBmc() throws Exception {
        bmcCertificate = SelfSignedCertificate.generate(certificates, "bmc", "ip:127.0.0.1,dns:localhost");
        otherCertificate = SelfSignedCertificate.generate(certificates, "other", "ip:127.0.0.1,dns:localhost");
        misnamedCertificate = SelfSignedCertificate.generate(certificates, "misnamed", "dns:bmc.example.test");
        bmc = httpsServer(bmcCertificate);
        blocking = Executors.newFixedThreadPool(2);
        trusting = RedfishFenceDriver.httpClient(TlsTrust.certificatesFrom(bmcCertificate.certificate()),
                Duration.ofSeconds(5), blocking);
    }

    private static WireMockServer httpsServer(SelfSignedCertificate certificate) {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystoreType("PKCS12")
                .keystorePath(certificate.keyStore().toString())
                .keystorePassword(certificate.password())
                .keyManagerPassword(certificate.password()));
        server.start();
        return server;
    }

    @AfterAll
    static void stopBmc() {
        bmc.stop();
        blocking.shutdownNow();
    }

    @BeforeEach
    void forgetStubsRequestsAndScenarios() {
        bmc.resetAll();
    }

    private static URI root(WireMockServer server) {
        return URI.create("https://127.0.0.1:" + server.httpsPort());
    }

    private static FenceExecutors executors() {
        return new FenceExecutors(blocking, Runnable::run);
    }

    private static RedfishFenceDriver driver(RedfishFenceDriver.Settings settings, HttpClient client) {
        return new RedfishFenceDriver("node1", root(bmc), CREDENTIALS, settings, client, executors());
    }

    private static RedfishFenceDriver driver() {
        return driver(SETTINGS, trusting);
    }

    private static <T> OpResult<T> await(CompletionStage<OpResult<T>> stage) throws Exception {
        return stage.toCompletableFuture().get(BOUND_SECONDS, TimeUnit.SECONDS);
    }

    private static void stubOneSystem() {
        bmc.stubFor(get(SYSTEMS).willReturn(okJson(
                "{\"@odata.id\":\"/redfish/v1/Systems\",\"Members@odata.count\":1,"
                        + "\"Members\":[{\"@odata.id\":\"/redfish/v1/Systems/1\"}]}")));
    }

    /** A system whose PowerState follows the resets it receives, as a WireMock scenario. */
    private static void stubPowerFollowingResets() {
        stubOneSystem();
        bmc.stubFor(get(SYSTEM).inScenario("power").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"Id\":\"1\",\"PowerState\":\"On\"}")));
        bmc.stubFor(get(SYSTEM).inScenario("power").whenScenarioStateIs("off")
                .willReturn(okJson("{\"Id\":\"1\",\"PowerState\":\"Off\"}")));
        bmc.stubFor(post(RESET).inScenario("power").withRequestBody(equalToJson("{\"ResetType\":\"ForceOff\"}"))
                .willReturn(noContent()).willSetStateTo("off"));
        bmc.stubFor(post(RESET).inScenario("power").withRequestBody(equalToJson("{\"ResetType\":\"On\"}"))
                .willReturn(noContent()).willSetStateTo(STARTED));
        bmc.stubFor(post(RESET).inScenario("power").withRequestBody(equalToJson("{\"ResetType\":\"ForceRestart\"}"))
                .willReturn(noContent()));
    }

    @Test
    void powersOffAndOnThroughResetActionsAndReadsTheStateBack() throws Exception {
        stubPowerFollowingResets();
        RedfishFenceDriver driver = driver();

        assertThat(await(driver.powerStatus())).isEqualTo(OpResult.ok(PowerState.ON));
        assertThat(await(driver.powerOff())).isEqualTo(OpResult.ok());
        assertThat(await(driver.powerStatus())).isEqualTo(OpResult.ok(PowerState.OFF));
        assertThat(await(driver.powerOn())).isEqualTo(OpResult.ok());
        assertThat(await(driver.powerStatus())).isEqualTo(OpResult.ok(PowerState.ON));
        assertThat(await(driver.reset())).isEqualTo(OpResult.ok());

        bmc.verify(1, postRequestedFor(urlEqualTo(RESET)).withRequestBody(equalToJson("{\"ResetType\":\"ForceOff\"}")));
        bmc.verify(1, postRequestedFor(urlEqualTo(RESET)).withRequestBody(equalToJson("{\"ResetType\":\"On\"}")));
        bmc.verify(1, postRequestedFor(urlEqualTo(RESET))
                .withRequestBody(equalToJson("{\"ResetType\":\"ForceRestart\"}")));
        bmc.verify(1, getRequestedFor(urlEqualTo(SYSTEMS))); // discovered once, then remembered
    }

    @Test
    void sendsTheBasicCredentialsOnEveryRequest() throws Exception {
        stubPowerFollowingResets();
        RedfishFenceDriver driver = driver();

        await(driver.powerOff());
        await(driver.powerStatus());

        bmc.verify(3, anyRequestedFor(anyUrl()));
        bmc.verify(3, anyRequestedFor(anyUrl()).withHeader("Authorization", equalTo(BASIC)));
        bmc.verify(1, postRequestedFor(urlEqualTo(RESET)).withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void aConfiguredSystemPathIsUsedWithoutDiscovery() throws Exception {
        bmc.stubFor(get("/redfish/v1/Systems/Blade7").willReturn(okJson("{\"PowerState\":\"Off\"}")));
        RedfishFenceDriver driver = driver(SETTINGS.withSystemPath("/redfish/v1/Systems/Blade7"), trusting);

        assertThat(await(driver.powerStatus())).isEqualTo(OpResult.ok(PowerState.OFF));
        bmc.verify(0, getRequestedFor(urlEqualTo(SYSTEMS)));
    }

    @Test
    void rejectedCredentialsAreFailedNamingTheBmc() throws Exception {
        bmc.stubFor(get(SYSTEMS).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Basic realm=\"BMC\"")));

        OpResult<Void> result = await(driver().powerOff());

        assertThat(result).isInstanceOf(OpResult.Failed.class);
        assertThat(result.reason())
                .contains("BMC 127.0.0.1:" + bmc.httpsPort())
                .contains("refused the credentials of user '" + USERNAME + "'")
                .contains("HTTP 401")
                .doesNotContain(PASSWORD)
                .doesNotContain(BASIC.substring(6));
        bmc.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aForbiddenResetIsFailed() throws Exception {
        stubOneSystem();
        bmc.stubFor(post(RESET).willReturn(aResponse().withStatus(403)));

        OpResult<Void> result = await(driver().powerOff());

        assertThat(result).isInstanceOf(OpResult.Failed.class);
        assertThat(result.reason()).contains("HTTP 403").contains("ForceOff");
    }

    @Test
    void aServerErrorOnAResetIsUnknownBecauseTheBmcMayHaveActed() throws Exception {
        stubOneSystem();
        bmc.stubFor(post(RESET).willReturn(aResponse().withStatus(500)));

        OpResult<Void> result = await(driver().powerOff());

        assertThat(result).isInstanceOf(OpResult.Unknown.class);
        assertThat(result.reason()).contains("HTTP 500").contains("may or may not have acted");
    }

    @Test
    void aServerErrorOnAStatusReadIsUnknown() throws Exception {
        stubOneSystem();
        bmc.stubFor(get(SYSTEM).willReturn(aResponse().withStatus(503)));

        OpResult<PowerState> result = await(driver().powerStatus());

        assertThat(result).isInstanceOf(OpResult.Unknown.class);
        assertThat(result.reason()).contains("HTTP 503");
    }

    @Test
    void anotherClientErrorIsFailedWithTheBmcsOwnMessage() throws Exception {
        stubOneSystem();
        bmc.stubFor(post(RESET).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"Base.1.8.GeneralError\",\"message\":\"See ExtendedInfo\","
                        + "\"@Message.ExtendedInfo\":[{\"MessageId\":\"Base.1.8.ActionParameterNotSupported\","
                        + "\"Message\":\"The parameter ResetType is not supported.\"}]}}")));

        OpResult<Void> result = await(driver().reset());

        assertThat(result).isInstanceOf(OpResult.Failed.class);
        assertThat(result.reason()).contains("HTTP 400").contains("The parameter ResetType is not supported.");
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsUnknown() throws Exception {
        stubOneSystem();
        bmc.stubFor(post(RESET).willReturn(noContent().withFixedDelay(20_000)));
        RedfishFenceDriver driver = driver(SETTINGS.withRequestTimeout(Duration.ofMillis(300)), trusting);

        // Bounded below the BMC's 20 s delay, with room for a busy 2-core machine (a 2 s bound flaked there): the
        // answer can only have come from the driver giving up after its own 0.3 s, which the reason says.
        OpResult<Void> result = driver.powerOff().toCompletableFuture().get(15, TimeUnit.SECONDS);

        assertThat(result).isInstanceOf(OpResult.Unknown.class);
        assertThat(result.reason()).contains("no answer").contains("within 0.3 s").contains("may or may not");
    }

    @Test
    void aConnectionResetIsUnknown() throws Exception {
        stubOneSystem();
        bmc.stubFor(post(RESET).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        OpResult<Void> result = await(driver().powerOff());

        assertThat(result).isInstanceOf(OpResult.Unknown.class);
        assertThat(result.reason()).contains("BMC 127.0.0.1:" + bmc.httpsPort()).contains("may or may not");
        bmc.verify(1, postRequestedFor(urlEqualTo(RESET))); // a reset is never silently sent twice
    }

    @Test
    void aBmcThatDoesNotListenIsUnknown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RedfishFenceDriver driver = new RedfishFenceDriver("node1", URI.create("https://127.0.0.1:" + closedPort),
                CREDENTIALS, SETTINGS, trusting, executors());

        OpResult<Void> result = await(driver.powerOff());

        assertThat(result).isInstanceOf(OpResult.Unknown.class);
        assertThat(result.reason()).contains("BMC 127.0.0.1:" + closedPort).contains("unreachable");
    }

    @Test
    void aBmcListingNoSystemIsFailed() throws Exception {
        bmc.stubFor(get(SYSTEMS).willReturn(okJson("{\"Members\":[]}")));

        OpResult<Void> result = await(driver().powerOff());

        assertThat(result).isInstanceOf(OpResult.Failed.class);
        assertThat(result.reason()).contains("lists no computer system");
    }

    @Test
    void aSystemListedOnAnotherServerIsNeverContacted() throws Exception {
        bmc.stubFor(get(SYSTEMS).willReturn(okJson(
                "{\"Members\":[{\"@odata.id\":\"http://collector.example.test/redfish/v1/Systems/1\"}]}")));

        OpResult<Void> result = await(driver().powerOff());

        assertThat(result).isInstanceOf(OpResult.Failed.class);
        assertThat(result.reason()).contains("on another server");
    }

    @Test
    void onlyOffConfirmsAFence() throws Exception {
        stubOneSystem();
        bmc.stubFor(get(SYSTEM).willReturn(okJson("{\"PowerState\":\"PoweringOff\"}")));
        assertThat(await(driver().powerStatus())).isEqualTo(OpResult.ok(PowerState.ON));

        bmc.stubFor(get(SYSTEM).willReturn(okJson("{\"Id\":\"1\"}")));
        OpResult<PowerState> missing = await(driver().powerStatus());
        assertThat(missing).isInstanceOf(OpResult.Unknown.class);
        assertThat(missing.reason()).contains("without a PowerState");
    }

    @Test
    void aPlainHttpBmcIsRefusedBeforeAnyPasswordIsSent() {
        assertThatThrownBy(() -> new RedfishFenceDriver("node1", URI.create("http://127.0.0.1:8080"), CREDENTIALS,
                SETTINGS, trusting, executors()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host node1")
                .hasMessageContaining("is not an https URI");
    }

    @Test
    void aSelfSignedCertificateIsRefusedByDefault() throws Exception {
        stubPowerFollowingResets();
        BmcSpec spec = new BmcSpec("127.0.0.1:" + bmc.httpsPort(), BmcKind.REDFISH, USERNAME, "NODE1_BMC_PASSWORD");
        FenceDriver driver = BmcDriverFactory.withDefaults(executors(), Map.of("NODE1_BMC_PASSWORD", PASSWORD)::get)
                .forHost("node1", spec);

        OpResult<Void> result = await(driver.powerOff());

        assertThat(result).isInstanceOf(OpResult.Failed.class);
        assertThat(result.reason()).contains("not sent").contains("TLS certificate is not trusted")
                .contains("127.0.0.1:" + bmc.httpsPort());
        bmc.verify(0, anyRequestedFor(anyUrl())); // the handshake failed, so no credentials left this process
    }

    @Test
    void aSelfSignedCertificateIsAcceptedWhenGivenAsTrusted() throws Exception {
        stubPowerFollowingResets();
        BmcSpec spec = new BmcSpec("127.0.0.1:" + bmc.httpsPort(), BmcKind.REDFISH, USERNAME, "NODE1_BMC_PASSWORD");
        BmcDriverFactory drivers = new BmcDriverFactory(executors(), IpmiToolFenceDriver.Settings.defaults(), SETTINGS,
                TlsTrust.certificatesFrom(bmcCertificate.certificate()), Map.of("NODE1_BMC_PASSWORD", PASSWORD)::get);

        FenceDriver driver = drivers.forHost("node1", spec);

        assertThat(driver).isInstanceOf(RedfishFenceDriver.class);
        assertThat(await(driver.powerOff())).isEqualTo(OpResult.ok());
        assertThat(await(driver.powerStatus())).isEqualTo(OpResult.ok(PowerState.OFF));
    }

    @Test
    void aCaNamedForOneBmcInTheClusterFileIsTrustedForThatBmcAlone() throws Exception { // issue 19
        stubPowerFollowingResets();
        BmcDriverFactory drivers = BmcDriverFactory.withDefaults(executors(), Map.of("NODE1_BMC_PASSWORD", PASSWORD)::get);
        BmcSpec own = new BmcSpec("127.0.0.1:" + bmc.httpsPort(), BmcKind.REDFISH, USERNAME, "NODE1_BMC_PASSWORD",
                bmcCertificate.certificate().toString());
        BmcSpec other = new BmcSpec("127.0.0.1:" + bmc.httpsPort(), BmcKind.REDFISH, USERNAME, "NODE1_BMC_PASSWORD",
                otherCertificate.certificate().toString());
        BmcSpec none = new BmcSpec("127.0.0.1:" + bmc.httpsPort(), BmcKind.REDFISH, USERNAME, "NODE1_BMC_PASSWORD");

        assertThat(await(drivers.forHost("node1", own).powerStatus())).isEqualTo(OpResult.ok(PowerState.ON));
        assertThat(await(drivers.forHost("node2", other).powerStatus())).isInstanceOf(OpResult.Failed.class);
        assertThat(await(drivers.forHost("node3", none).powerStatus()))
                .as("the CA named for node1 is not trusted JVM-wide").isInstanceOf(OpResult.Failed.class);
    }

    @Test
    void aTrustStoreFileWorksLikeACertificateFile() throws Exception {
        stubPowerFollowingResets();
        HttpClient client = RedfishFenceDriver.httpClient(TlsTrust.trustStoreFrom(bmcCertificate.keyStore(),
                bmcCertificate.password().toCharArray()), Duration.ofSeconds(5), blocking);

        assertThat(await(driver(SETTINGS, client).powerStatus())).isEqualTo(OpResult.ok(PowerState.ON));
    }

    @Test
    void trustingAnotherCertificateStillRefuses() throws Exception {
        stubPowerFollowingResets();
        HttpClient client = RedfishFenceDriver.httpClient(TlsTrust.certificatesFrom(otherCertificate.certificate()),
                Duration.ofSeconds(5), blocking);

        OpResult<Void> result = await(driver(SETTINGS, client).powerOff());

        assertThat(result).isInstanceOf(OpResult.Failed.class);
        assertThat(result.reason()).contains("TLS certificate is not trusted");
        bmc.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theHostNameIsCheckedEvenForATrustedCertificate() throws Exception {
        WireMockServer misnamed = httpsServer(misnamedCertificate);
        try {
            HttpClient client = RedfishFenceDriver.httpClient(
                    TlsTrust.certificatesFrom(misnamedCertificate.certificate()), Duration.ofSeconds(5), blocking);
            RedfishFenceDriver driver = new RedfishFenceDriver("node1", root(misnamed), CREDENTIALS, SETTINGS, client,
                    executors());

            OpResult<Void> result = await(driver.powerOff());

            assertThat(result).isInstanceOf(OpResult.Failed.class);
            assertThat(result.reason()).contains("TLS certificate is not trusted");
            misnamed.verify(0, anyRequestedFor(anyUrl()));
        } finally {
            misnamed.stop();
        }
    }

    @Test
    void theLoudlyNamedInsecureOptionAcceptsAnyCertificate() throws Exception {
        stubPowerFollowingResets();
        HttpClient client = RedfishFenceDriver.httpClient(TlsTrust.insecureTrustAnyCertificate(),
                Duration.ofSeconds(5), blocking);

        assertThat(await(driver(SETTINGS, client).powerStatus())).isEqualTo(OpResult.ok(PowerState.ON));
    }

    @Test
    void theOutcomeIsDeliveredOnTheEngineExecutor() throws Exception {
        stubPowerFollowingResets();
        BlockingQueue<Runnable> engine = new LinkedBlockingQueue<>();
        RedfishFenceDriver driver = new RedfishFenceDriver("node1", root(bmc), CREDENTIALS, SETTINGS, trusting,
                new FenceExecutors(blocking, engine::add));

        CompletableFuture<OpResult<PowerState>> status = driver.powerStatus().toCompletableFuture();
        Runnable delivery = engine.poll(BOUND_SECONDS, TimeUnit.SECONDS);

        assertThat(delivery).isNotNull();
        assertThat(status).isNotDone();
        delivery.run();
        assertThat(status).isCompletedWithValue(OpResult.ok(PowerState.ON));
    }

    @Test
    void neitherTheDriverNorTheCredentialsPrintThePassword() {
        assertThat(driver().toString()).doesNotContain(PASSWORD).contains(USERNAME);
        assertThat(CREDENTIALS.toString()).doesNotContain(PASSWORD).contains("(hidden)");
    }
}
