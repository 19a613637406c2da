package io.cellharness.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellharness.peer.TestTlsMaterial;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manager and two agents as real processes on loopback: TLS material made by the test, libvirt's test
 * driver as each host's libvirt (a real libvirt connection, no daemon), lease files in a shared temporary directory,
 * the software watchdog named as the fallback (this machine has no /dev/watchdog).
 */
class ServicesOnLoopbackTest {

    private static final long BOUND_MILLIS = 60_000;
    private static final Map<String, String> ENV = Map.of("CELL_TLS_PASSWORD", TestTlsMaterial.PASSWORD);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static TestTlsMaterial tls;
    private static ServiceProcess manager;
    private static ServiceProcess cube1;
    private static ServiceProcess cube2;
    private static int managerPort;
    private static int cube1Port;

    @BeforeAll
    static void startServices() throws Exception {
        tls = new TestTlsMaterial(Files.createDirectories(dir.resolve("tls")))
                .node("manager", true).node("cube1", true).node("cube2", true);
        managerPort = freePort();
        cube1Port = freePort();
        int cube2Port = freePort();
        Files.createDirectories(dir.resolve("leases"));
        Files.writeString(dir.resolve("cluster.yaml"), """
                name: loopback
                hosts:
                  - name: cube1
                    cores: 8
                    memory: 32GiB
                  - name: cube2
                    cores: 8
                    memory: 32GiB
                """);
        String nodes = """
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
            Files.writeString(dir.resolve(host + ".xml"), testNode());
            Files.writeString(dir.resolve(host + ".yaml"), "host: " + host + "\ncluster: cluster.yaml\n"
                    + "manager: manager\nlisten: 127.0.0.1:" + (host.equals("cube1") ? cube1Port : cube2Port) + "\n"
                    + "libvirt: test://" + dir.resolve(host + ".xml") + "\n"
                    + "watchdog:\n  device: " + dir.resolve("no-watchdog") + "\n  fallback: software\n"
                    + "  timeoutSeconds: 600\n"
                    + nodes.formatted(managerPort, cube1Port, cube2Port, host));
        }
        Files.writeString(dir.resolve("manager.yaml"), "node: manager\ncluster: cluster.yaml\n"
                + "listen: 127.0.0.1:" + managerPort + "\njournal: journal.db\n"
                + "libvirt:\n  cube1: test://" + dir.resolve("cube1.xml") + "\n  cube2: test://"
                + dir.resolve("cube2.xml") + "\n" + nodes.formatted(managerPort, cube1Port, cube2Port, "manager"));
        manager = ServiceProcess.start(dir.resolve("manager.log"), ENV, "manager", "--config",
                dir.resolve("manager.yaml").toString());
        cube1 = ServiceProcess.start(dir.resolve("cube1.log"), ENV, "agent", "--config",
                dir.resolve("cube1.yaml").toString());
        cube2 = ServiceProcess.start(dir.resolve("cube2.log"), ENV, "agent", "--config",
                dir.resolve("cube2.yaml").toString());
    }

    @AfterAll
    static void stopServices() throws Exception {
        for (ServiceProcess p : new ServiceProcess[] {cube2, cube1, manager}) {
            if (p != null) {
                p.close();
            }
        }
    }

    private static String testNode() {
        return """
                <node>
                  <cpu><nodes>1</nodes><sockets>1</sockets><cores>4</cores><threads>2</threads><active>8</active>
                    <mhz>2400</mhz><model>x86_64</model></cpu>
                  <memory>33554432</memory>
                  <domain type="test">
                    <name>guest-a</name><memory>65536</memory><vcpu>1</vcpu>
                    <os><type arch="x86_64">hvm</type></os>
                  </domain>
                </node>
                """;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<String> get(SSLContext context, int port, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(SSLContext context, int port, String path, byte[] body)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls a status document until {@code condition} holds. */
    private static JsonNode awaitStatus(int port, Predicate<JsonNode> condition, String what) throws Exception {
        long deadline = System.nanoTime() + BOUND_MILLIS * 1_000_000;
        JsonNode last = null;
        Exception problem = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = get(tls.context("manager"), port, "/v1/status");
                if (r.statusCode() == 200) {
                    last = JSON.readTree(r.body());
                    if (condition.test(last)) {
                        return last;
                    }
                }
            } catch (Exception notYet) {
                problem = notYet;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + " within " + BOUND_MILLIS + " ms; last status " + last + "; last problem "
                + problem + "\nmanager log:\n" + manager.output() + "\ncube1 log:\n" + cube1.output());
    }

    @Test
    void agentsHeartbeatTheirRealDomainsToTheManagerOverMutualTls() throws Exception {
        JsonNode status = awaitStatus(managerPort, s -> {
            for (JsonNode h : s.path("hosts")) {
                if (h.path("heartbeatAgeMillis").isNull() || !h.path("state").asText().equals("UP")
                        || !h.path("runningVms").toString().contains("guest-a")) {
                    return false;
                }
            }
            return s.path("hosts").size() == 2;
        }, "both hosts UP, each heartbeat listing its domain");

        assertThat(status.path("hosts").get(0).path("runningVms").toString()).contains("guest-a");
        assertThat(status.path("vms").toString()).contains("guest-a");
        JsonNode agent = awaitStatus(cube1Port, s -> s.path("libvirt").asText().equals("UP")
                && s.path("heartbeatSequence").asLong() >= 2, "cube1 libvirt UP after two heartbeats");
        assertThat(agent.path("watchdog").asText()).startsWith("software (named fallback");
        assertThat(agent.path("runningVms").toString()).contains("guest-a");
        assertThat(Files.readString(dir.resolve("leases/cube1.lease")).strip()).matches("\\d+");
        String metrics = get(tls.context("cube1"), managerPort, "/metrics").body();
        assertThat(metrics).contains("cell_host_ha_state{host=\"cube1\",state=\"UP\"} 1")
                .contains("cell_host_ha_state{host=\"cube1\",state=\"FENCING\"} 0")
                .contains("cell_host_heartbeat_age_seconds{host=\"cube2\"}")
                .contains("cell_journal_write_seconds");
    }

    @Test
    void aClientWithoutACertificateIsRefusedAndBadBodiesGet4xxWhileTheManagerRuns() throws Exception {
        awaitStatus(managerPort, s -> s.path("hosts").size() == 2, "the manager answering");
        SSLContext noCertificate = trustOnly();

        assertThat(get(noCertificate, managerPort, "/v1/status").statusCode()).isEqualTo(401);
        assertThat(post(noCertificate, managerPort, "/v1/peer/send", "{}".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(401);
        SSLContext cube1Tls = tls.context("cube1");
        assertThat(post(cube1Tls, managerPort, "/v1/peer/request", "][".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(400);
        assertThat(post(cube1Tls, managerPort, "/v1/peer/send", new byte[1024 * 1024]).statusCode())
                .isEqualTo(413);

        assertThat(get(cube1Tls, managerPort, "/healthz").statusCode()).isEqualTo(200);
        assertThat(manager.alive()).isTrue();
        assertThat(manager.output()).doesNotContain(TestTlsMaterial.PASSWORD);
    }

    @Test
    void aBadConfigurationIsOneLineAndExitCode2() throws Exception {
        Path bad = dir.resolve("bad-agent.yaml");
        Files.writeString(bad, "host: cube1\ncluster: cluster.yaml\nmanager: manager\nlisten: nowhere\n");
        java.io.StringWriter err = new java.io.StringWriter();

        int code = RuntimeMain.run(List.of("agent", "--config", bad.toString()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(err, true));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("cell agent: " + bad
                + ": listen: expected address:port, got 'nowhere'\n");
    }

    /** Trusts the cluster's certificates but presents none. */
    private static SSLContext trustOnly() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.trustStore())) {
            trusted.load(in, TestTlsMaterial.PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
