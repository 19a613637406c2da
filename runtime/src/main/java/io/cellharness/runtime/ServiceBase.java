package io.cellharness.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cellharness.engine.BlockingPool;
import io.cellharness.engine.EngineLoop;
import io.cellharness.peer.HttpsPeerChannel;
import io.cellharness.peer.PeerSettings;
import io.cellharness.peer.PeerTls;
import io.cellharness.peer.TlsServer;
import io.cellharness.runtime.config.ConfigException;
import io.cellharness.runtime.config.ConfigFiles;
import io.cellharness.runtime.config.Secrets;
import io.cellharness.runtime.config.TlsConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What both services have: the engine loop, its pools, TLS, the HTTPS listener with the peer channel and /healthz. */
abstract class ServiceBase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceBase.class);
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    final EngineLoop engine;
    final BlockingPool libvirtPool;
    final BlockingPool storagePool;
    final BlockingPool ioPool;
    final SSLContext tls;
    final TlsServer server;
    final HttpsPeerChannel channel;

    ServiceBase(String node, Path configDirectory, TlsConfig tlsConfig, String listen, Map<String, String> nodes,
                Secrets secrets) throws ConfigException, IOException {
        char[] password = secrets.required(tlsConfig.passwordCredential(), "tls.passwordCredential");
        try {
            this.tls = PeerTls.context(configDirectory.resolve(tlsConfig.keyStore()), password,
                    configDirectory.resolve(tlsConfig.trustStore()), password);
        } catch (IllegalArgumentException unusable) {
            throw new ConfigException(unusable.getMessage());
        }
        this.engine = new EngineLoop("engine", (label, error) ->
                LOG.error("engine action '{}' failed: {}", label, error.toString()));
        this.libvirtPool = new BlockingPool("libvirt", 4, 64, engine);
        this.storagePool = new BlockingPool("storage", 2, 16, engine);
        this.ioPool = new BlockingPool("peer-io", 4, 1_024, engine);
        Map<String, URI> addresses = new TreeMap<>();
        nodes.forEach((name, url) -> addresses.put(name, URI.create(url)));
        this.channel = new HttpsPeerChannel(addresses, tls, engine, ioPool, PeerSettings.DEFAULTS);
        this.server = new TlsServer(ConfigFiles.listenAddress(listen), tls, PeerSettings.DEFAULTS);
        channel.routes(server);
        server.route("/healthz", request -> healthy()
                ? TlsServer.Response.text(200, "ok\n") : TlsServer.Response.text(503, "engine not answering\n"));
        server.route("/v1/status", request -> request.method().equals("GET")
                ? TlsServer.Response.json(200, json(status())) : TlsServer.Response.json(405, "{}"));
        LOG.info("{} listening on {} (mutual TLS)", node, listen);
    }

    /** The service's status document. */
    abstract Map<String, Object> status();

    /** The engine answers within a second. */
    boolean healthy() {
        CompletableFuture<Boolean> ran = new CompletableFuture<>();
        engine.execute(() -> ran.complete(true));
        try {
            return ran.get(1, TimeUnit.SECONDS);
        } catch (Exception slow) {
            return false;
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        engine.close();
        ioPool.close();
        storagePool.close();
        libvirtPool.close();
    }
}
