package io.cellharness.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PeerMessage;
import io.cellharness.engine.EngineLoop;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer channel between two real HTTPS endpoints on loopback with test-made TLS material: a manager and a host,
 * both trusted, and an outsider whose certificate the cluster does not trust.
 */
class HttpsPeerChannelTest {

    @TempDir
    static Path tls;
    private static TestTlsMaterial material;
    private static EngineLoop engine;
    private static ExecutorService io;
    private static TlsServer managerServer;
    private static HttpsPeerChannel manager;
    private static HttpsPeerChannel cube1;
    private static final List<String> handledOn = new CopyOnWriteArrayList<>();
    private static URI managerUri;

    @BeforeAll
    static void start() throws Exception {
        material = new TestTlsMaterial(tls).node("manager", true).node("cube1", true).node("outsider", false);
        engine = new EngineLoop("engine-peer-test", (label, error) -> { });
        io = Executors.newFixedThreadPool(2);
        managerServer = new TlsServer(new InetSocketAddress("127.0.0.1", 0), material.context("manager"),
                PeerSettings.DEFAULTS);
        managerUri = URI.create("https://127.0.0.1:" + managerServer.port());
        Map<String, URI> nodes = Map.of("manager", managerUri, "cube1", URI.create("https://127.0.0.1:1"));
        manager = new HttpsPeerChannel(nodes, material.context("manager"), engine, io, PeerSettings.DEFAULTS);
        manager.routes(managerServer);
        managerServer.start();
        manager.serve("manager", (from, message) -> {
            handledOn.add(Thread.currentThread().getName());
            if (message instanceof PeerMessage.Heartbeat hb) {
                return CompletableFuture.completedFuture(new PeerMessage.HeartbeatAck(hb.sequence()));
            }
            return null;
        });
        cube1 = new HttpsPeerChannel(nodes, material.context("cube1"), engine, io, PeerSettings.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        managerServer.close();
        engine.close();
        io.shutdownNow();
    }

    private static <T> T await(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void aHeartbeatRequestIsAnsweredByTheHandlerOnTheEngineAndDeliveredOnTheEngine() throws Exception {
        List<String> deliveredOn = new ArrayList<>();
        OpResult<PeerMessage> reply = await(cube1.request("cube1", "manager",
                new PeerMessage.Heartbeat("cube1", 7, true, true, List.of("vm-a", "vm-b")), 5_000)
                .thenApply(r -> {
                    deliveredOn.add(Thread.currentThread().getName());
                    return r;
                }));

        assertThat(reply).isEqualTo(OpResult.ok(new PeerMessage.HeartbeatAck(7)));
        assertThat(handledOn).last().isEqualTo("engine-peer-test");
        assertThat(deliveredOn).containsExactly("engine-peer-test");
    }

    @Test
    void aNodeThatDoesNotListenIsUnknownNotFailed() throws Exception {
        OpResult<PeerMessage> reply = await(manager.request("manager", "cube1", new PeerMessage.Probe("cube1"),
                2_000));

        assertThat(reply).isInstanceOf(OpResult.Unknown.class);
    }

    @Test
    void aClientWithoutACertificateIsRefusedWith401AndTheServerGoesOn() throws Exception {
        HttpResponse<String> refused = raw(trustOnly(), "/v1/peer/request",
                PeerCodec.encode("cube1", new PeerMessage.Heartbeat("cube1", 1, true, true, List.of())));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(await(cube1.request("cube1", "manager",
                new PeerMessage.Heartbeat("cube1", 2, true, true, List.of()), 5_000)))
                .isEqualTo(OpResult.ok(new PeerMessage.HeartbeatAck(2)));
    }

    /**
     * The server asks for a certificate issued by one it trusts; the outsider has none, so it either presents its own
     * (the handshake fails) or none (401). Either way it never reaches a handler.
     */
    @Test
    void aClientWithAnUntrustedCertificateDoesNotGetIn() throws Exception {
        int before = handledOn.size();
        try {
            HttpResponse<String> answer = raw(material.context("outsider"), "/v1/peer/request",
                    PeerCodec.encode("outsider", new PeerMessage.Heartbeat("outsider", 1, true, true, List.of())));
            assertThat(answer.statusCode()).isEqualTo(401);
        } catch (IOException handshakeRefused) {
            assertThat(handshakeRefused).isNotNull();
        }
        assertThat(handledOn).hasSize(before);
    }

    @Test
    void malformedOversizedAndImpersonatingBodiesGet4xxAndTheServerGoesOn() throws Exception {
        SSLContext cube1Tls = material.context("cube1");
        assertThat(raw(cube1Tls, "/v1/peer/request", "{not json".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(400);
        assertThat(raw(cube1Tls, "/v1/peer/request",
                "{\"from\":\"cube1\",\"type\":\"Nope\",\"message\":{}}".getBytes(StandardCharsets.UTF_8)).body())
                .contains("unknown message type 'Nope'");
        assertThat(raw(cube1Tls, "/v1/peer/request",
                "{\"from\":\"cube1\",\"type\":\"Heartbeat\",\"message\":{\"host\":\"cube1\"}}"
                        .getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(raw(cube1Tls, "/v1/peer/request", new byte[PeerSettings.DEFAULTS.maxBodyBytes() + 1])
                .statusCode()).isEqualTo(413);
        HttpResponse<String> impersonating = raw(cube1Tls, "/v1/peer/request",
                PeerCodec.encode("cube2", new PeerMessage.Heartbeat("cube2", 1, true, true, List.of())));
        assertThat(impersonating.statusCode()).isEqualTo(403);
        assertThat(impersonating.body()).contains("the certificate names cube1, the message claims cube2");

        assertThat(await(cube1.request("cube1", "manager",
                new PeerMessage.Heartbeat("cube1", 3, true, true, List.of()), 5_000)))
                .isEqualTo(OpResult.ok(new PeerMessage.HeartbeatAck(3)));
    }

    private static HttpResponse<String> raw(SSLContext tls, String path, byte[] body)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(managerUri.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Trusts the cluster's certificates but presents none. */
    private static SSLContext trustOnly() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(material.trustStore())) {
            trusted.load(in, TestTlsMaterial.PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
