package io.cellharness.peer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's one HTTPS listener with mutual TLS. Every request must come with a client certificate that the trust
 * store accepts (401 otherwise, logged at most once per interval); bodies above the size limit get 413 and are not
 * read; a handler that throws gives 500 and the server goes on. A bounded pool serves requests: when it is full, new
 * connections wait in the kernel's backlog rather than in an unbounded queue.
 */
public final class TlsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TlsServer.class);

    /** What a route answers. */
    public record Response(int status, String contentType, byte[] body) {

        public static Response json(int status, String json) {
            return new Response(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public static Response text(int status, String text) {
            return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A request as a route sees it.
     *
     * @param peer   the common name of the client's verified certificate
     * @param method HTTP method, upper case
     * @param path   the request path, without the query
     * @param body   the request body, at most the size limit
     */
    public record Request(String peer, String method, String path, byte[] body) {
    }

    /** Answers the requests under one path prefix. */
    @FunctionalInterface
    public interface Route {
        Response handle(Request request) throws Exception;
    }

    private final HttpsServer server;
    private final ThreadPoolExecutor pool;
    private final PeerSettings settings;
    private final RateLimitedLog refusals;

    /**
     * Binds (but does not start) the listener.
     *
     * @throws IOException when the address cannot be bound
     */
    public TlsServer(InetSocketAddress address, SSLContext tls, PeerSettings settings) throws IOException {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.refusals = new RateLimitedLog(settings.refusalLogIntervalMillis(), LOG::warn);
        this.server = HttpsServer.create(address, 64);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = tls.getDefaultSSLParameters();
                // "want", not "need": the handshake of a client without a certificate completes, so the refusal is
                // an HTTP answer the client can read and a line we can rate-limit, not a silent reset.
                p.setWantClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        AtomicInteger number = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(settings.serverThreads(), settings.serverThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(256), r -> {
                    Thread t = new Thread(r, "https-" + number.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(pool);
    }

    /** Serves every path under {@code prefix} with {@code route}. Call before {@link #start()}. */
    public void route(String prefix, Route route) {
        server.createContext(prefix, exchange -> serve(exchange, route));
    }

    public void start() {
        server.start();
    }

    /** The bound port (useful when bound to port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange, Route route) {
        try (exchange) {
            String peer = peerName(exchange);
            if (peer == null) {
                refusals.log("refused a request from " + exchange.getRemoteAddress().getAddress().getHostAddress()
                        + " to " + exchange.getRequestURI().getPath() + ": no trusted client certificate");
                answer(exchange, Response.json(401, "{\"error\":\"a trusted client certificate is required\"}"));
                return;
            }
            String declared = exchange.getRequestHeaders().getFirst("Content-Length");
            byte[] body = declaredTooLong(declared, settings.maxBodyBytes()) ? null
                    : readBounded(exchange.getRequestBody(), settings.maxBodyBytes());
            if (body == null) {
                drain(exchange.getRequestBody(), 64L * settings.maxBodyBytes());
                answer(exchange, Response.json(413, "{\"error\":\"the body exceeds " + settings.maxBodyBytes()
                        + " bytes\"}"));
                return;
            }
            Response response;
            try {
                response = route.handle(new Request(peer, exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                        exchange.getRequestURI().getPath(), body));
            } catch (Exception | StackOverflowError failed) {
                LOG.warn("request {} {} from {} failed: {}", exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), peer, failed.toString());
                response = Response.json(500, "{\"error\":\"internal error\"}");
            }
            answer(exchange, response);
        } catch (IOException broken) {
            LOG.debug("connection broke while serving a request: {}", broken.toString());
        }
    }

    private static void answer(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        if (response.status() == 413) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        if (response.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    /**
     * Reads and discards up to {@code limit} bytes of a refused body, so the refusal reaches a client that is still
     * sending (closing on unread data makes TCP reset the connection, and the answer is lost).
     */
    private static void drain(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[16_384];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(buffer)) >= 0) {
            total += n;
        }
    }

    private static boolean declaredTooLong(String contentLength, int limit) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.strip()) > limit;
        } catch (NumberFormatException malformed) {
            return false; // the bounded read decides
        }
    }

    /** The body, or null when it is longer than {@code limit} (then it is not read further). */
    private static byte[] readBounded(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The CN of the client's verified certificate, or null without one. */
    private static String peerName(HttpExchange exchange) {
        if (!(exchange instanceof HttpsExchange https)) {
            return null;
        }
        try {
            Certificate[] chain = https.getSSLSession().getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                return null;
            }
            return commonName(leaf);
        } catch (SSLPeerUnverifiedException none) {
            return null;
        }
    }

    static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException malformed) {
            return null;
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
