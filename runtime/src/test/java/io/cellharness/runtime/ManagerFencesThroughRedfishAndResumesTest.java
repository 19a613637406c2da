package io.cellharness.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellharness.peer.TestTlsMaterial;
import io.cellharness.runtime.journal.JournalEntry;
import io.cellharness.runtime.journal.SqliteJournal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R-02 and H-12 end to end with real processes: two agents and a manager on loopback; cube2's agent is killed (its
 * heartbeats and its lease stop), the manager declares cube2 failed and fences it through a Redfish BMC (WireMock over
 * HTTPS with its own certificate, named in manager.yaml), whose power-off answer is slow. The lease timeout is long,
 * so the fence can only be confirmed through the BMC. The manager is killed with
 * SIGKILL while that fence is in flight and started again: it reads the fence back from the BMC before it acts,
 * journals the answer, and its status API shows the resumed state.
 */
class ManagerFencesThroughRedfishAndResumesTest {

    private static final long BOUND_MILLIS = 120_000;
    private static final String SYSTEM = "/redfish/v1/Systems/1";
    private static final String RESET = SYSTEM + "/Actions/ComputerSystem.Reset";
    private static final String BMC_PASSWORD = "Bmc-Secret-4411";
    private static final Map<String, String> ENV = Map.of("CELL_TLS_PASSWORD", TestTlsMaterial.PASSWORD,
            "CUBE2_BMC_PASSWORD", BMC_PASSWORD);

    @TempDir
    static Path dir;
    private static TestTlsMaterial tls;
    private static WireMockServer bmc;
    private static ServiceProcess manager;
    private static ServiceProcess cube1;
    private static ServiceProcess cube2;
    private static int managerPort;

    @BeforeAll
    static void start() throws Exception {
        tls = new TestTlsMaterial(Files.createDirectories(dir.resolve("tls")))
                .node("manager", true).node("cube1", true).node("cube2", true).node("bmc", false);
        bmc = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").httpDisabled(true)
                .dynamicHttpsPort().keystoreType("PKCS12").keystorePath(tls.keyStore("bmc").toString())
                .keystorePassword(TestTlsMaterial.PASSWORD).keyManagerPassword(TestTlsMaterial.PASSWORD));
        bmc.start();
        bmc.stubFor(get("/redfish/v1/Systems").withBasicAuth("admin", BMC_PASSWORD)
                .willReturn(okJson("{\"Members\":[{\"@odata.id\":\"" + SYSTEM + "\"}]}")));
        bmc.stubFor(get(SYSTEM).withBasicAuth("admin", BMC_PASSWORD).inScenario("power").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"PowerState\":\"On\"}")));
        bmc.stubFor(get(SYSTEM).withBasicAuth("admin", BMC_PASSWORD).inScenario("power").whenScenarioStateIs("off")
                .willReturn(okJson("{\"PowerState\":\"Off\"}")));
        // The chassis goes off at once; the BMC's answer takes 8 s: the manager is killed inside that window.
        bmc.stubFor(post(RESET).withBasicAuth("admin", BMC_PASSWORD).inScenario("power")
                .withRequestBody(equalToJson("{\"ResetType\":\"ForceOff\"}"))
                .willReturn(noContent().withFixedDelay(8_000)).willSetStateTo("off"));
        bmc.stubFor(post(RESET).withBasicAuth("admin", BMC_PASSWORD).inScenario("power")
                .withRequestBody(equalToJson("{\"ResetType\":\"On\"}")).willReturn(noContent())
                .willSetStateTo(STARTED));

        managerPort = freePort();
        int cube1Port = freePort();
        int cube2Port = freePort();
        Files.createDirectories(dir.resolve("leases"));
        Files.writeString(dir.resolve("cluster.yaml"), """
                name: fencing
                hosts:
                  - name: cube1
                    cores: 8
                    memory: 32GiB
                  - name: cube2
                    cores: 8
                    memory: 32GiB
                    bmc:
                      address: 127.0.0.1:%d
                      kind: redfish
                      username: admin
                      passwordEnv: CUBE2_BMC_PASSWORD
                """.formatted(bmc.httpsPort()));
        String common = """
                nodes:
                  manager: https://127.0.0.1:%d
                  cube1: https://127.0.0.1:%d
                  cube2: https://127.0.0.1:%d
                tls:
                  keyStore: tls/%s.p12
                  trustStore: tls/trust.p12
                  passwordCredential: CELL_TLS_PASSWORD
                storageHeartbeat:
                  kind: lease-file
                  directory: leases
                """;
        for (String host : List.of("cube1", "cube2")) {
            Files.writeString(dir.resolve(host + ".xml"), "<node><cpu><nodes>1</nodes><sockets>1</sockets>"
                    + "<cores>2</cores><threads>1</threads><active>2</active><mhz>2400</mhz><model>x86_64</model>"
                    + "</cpu><memory>8388608</memory></node>");
            Files.writeString(dir.resolve(host + ".yaml"), "host: " + host + "\ncluster: cluster.yaml\n"
                    + "manager: manager\nlisten: 127.0.0.1:" + (host.equals("cube1") ? cube1Port : cube2Port) + "\n"
                    + "libvirt: test://" + dir.resolve(host + ".xml") + "\n"
                    + "watchdog:\n  device: " + dir.resolve("no-watchdog") + "\n  fallback: software\n"
                    + "  timeoutSeconds: 600\n" + common.formatted(managerPort, cube1Port, cube2Port, host));
        }
        Files.writeString(dir.resolve("manager.yaml"), "node: manager\ncluster: cluster.yaml\n"
                + "listen: 127.0.0.1:" + managerPort + "\njournal: journal.db\nbmcTrust: tls/bmc.pem\n"
                + "massFailureShare: 0.9\nleaseTimeoutMillis: 300000\n"
                + "libvirt:\n  cube1: test://" + dir.resolve("cube1.xml") + "\n  cube2: test://"
                + dir.resolve("cube2.xml") + "\n" + common.formatted(managerPort, cube1Port, cube2Port, "manager"));
        cube1 = ServiceProcess.start(dir.resolve("cube1.log"), ENV, "agent", "--config",
                dir.resolve("cube1.yaml").toString());
        cube2 = ServiceProcess.start(dir.resolve("cube2.log"), ENV, "agent", "--config",
                dir.resolve("cube2.yaml").toString());
        // The agents first, so the manager's first check of a host is the real one (see the report on stale
        // storage baselines): both answer and heartbeat before the manager starts.
        for (int port : new int[] {cube1Port, cube2Port}) {
            await(() -> {
                JsonNode s = status(port);
                return s != null && s.path("heartbeatSequence").asLong() >= 1;
            }, "agent on port " + port + " heartbeating");
        }
        manager = startManager("manager-1.log");
    }

    private static ServiceProcess startManager(String log) throws Exception {
        return ServiceProcess.start(dir.resolve(log), ENV, "manager", "--config",
                dir.resolve("manager.yaml").toString());
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess p : new ServiceProcess[] {cube2, cube1, manager}) {
            if (p != null) {
                p.close();
            }
        }
        if (bmc != null) {
            bmc.stop();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + BOUND_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + " within " + BOUND_MILLIS + " ms\nmanager log:\n"
                + (manager == null ? "(not started)" : manager.output())
                + "\njournal: " + journal());
    }

    private static List<JournalEntry> journal() {
        try (SqliteJournal j = new SqliteJournal(dir.resolve("journal.db"))) {
            return j.entries();
        } catch (RuntimeException notYet) {
            return List.of();
        }
    }

    private static JsonNode status() {
        return status(managerPort);
    }

    private static JsonNode status(int port) {
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(tls.context("cube1")).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + port + "/v1/status")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? new ObjectMapper().readTree(r.body()) : null;
        } catch (Exception notYet) {
            return null;
        }
    }

    private static String hostState(JsonNode status, String host) {
        if (status == null) {
            return "";
        }
        for (JsonNode h : status.path("hosts")) {
            if (h.path("name").asText().equals(host)) {
                return h.path("state").asText();
            }
        }
        return "";
    }

    @Test
    void aKilledManagerReadsTheFenceInFlightBackBeforeActingAndShowsTheResumedState() throws Exception {
        await(() -> hostState(status(), "cube1").equals("UP") && hostState(status(), "cube2").equals("UP")
                && !status().path("hosts").get(1).path("heartbeatAgeMillis").isNull(), "both hosts UP");

        cube2.kill(); // the host "fails": no heartbeats, no lease writes, no answers to probes
        await(() -> journal().stream().anyMatch(e -> e.kind() == JournalEntry.Kind.FENCE_ISSUED
                && e.host().equals("cube2")), "a fence of cube2 journaled");
        await(() -> !bmc.findAll(postRequestedFor(urlEqualTo(RESET))).isEmpty(), "the power-off sent to the BMC");
        manager.kill(); // SIGKILL while the BMC's answer is still 8 s away
        assertThat(journal()).noneMatch(e -> e.kind() == JournalEntry.Kind.FENCED);

        manager = startManager("manager-2.log");

        await(() -> journal().stream().anyMatch(e -> e.kind() == JournalEntry.Kind.FENCE_READ_BACK),
                "the restarted manager reading the fence back");
        JournalEntry readBack = journal().stream().filter(e -> e.kind() == JournalEntry.Kind.FENCE_READ_BACK)
                .findFirst().orElseThrow();
        assertThat(readBack.host()).isEqualTo("cube2");
        assertThat(readBack.detail()).isEqualTo("OFF");
        await(() -> status() != null, "the restarted manager's status API");
        JsonNode resumed = status();
        assertThat(resumed.path("resumedFromJournalEntries").asLong()).isPositive();
        assertThat(resumed.path("transitions").toString()).contains("cube2").contains("FENCING");
        assertThat(manager.output()).contains("fence of host cube2 was in flight; its BMC reads back OFF")
                .doesNotContain(BMC_PASSWORD).doesNotContain(TestTlsMaterial.PASSWORD);
    }
}
