package io.cellharness.peer;

import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PeerChannel;
import io.cellharness.core.port.PeerMessage;
import io.cellharness.core.port.Subscription;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link PeerChannel} over HTTPS with mutual TLS: {@code POST /v1/peer/send} for one-way messages (202,
 * no body) and {@code POST /v1/peer/request} for requests (200 with the reply). Handlers run on the engine; replies
 * and request outcomes are delivered on the engine. A request that gets no reply within its timeout, or whose
 * connection fails, is {@link OpResult.Unknown}; a 4xx answer is {@link OpResult.Failed} (the peer refused it).
 */
public final class HttpsPeerChannel implements PeerChannel {

    private static final Logger LOG = LoggerFactory.getLogger(HttpsPeerChannel.class);
    static final String SEND = "/v1/peer/send";
    static final String REQUEST = "/v1/peer/request";

    private final Map<String, URI> nodes;
    private final HttpClient client;
    private final Executor engine;
    private final PeerSettings settings;
    private final Map<String, PeerChannel.Handler> handlers = new ConcurrentHashMap<>();

    /**
     * @param nodes     every node this process talks to, by name: its base URI ({@code https://10.0.0.1:8443})
     * @param tls       this process's TLS material (its certificate is presented to peers)
     * @param engine    the engine's executor: handlers run there and outcomes are delivered there
     * @param io        a bounded executor for the HTTP client's own work
     */
    public HttpsPeerChannel(Map<String, URI> nodes, SSLContext tls, Executor engine, Executor io,
                            PeerSettings settings) {
        this.nodes = new TreeMap<>(nodes);
        this.engine = Objects.requireNonNull(engine, "engine");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofMillis(settings.connectTimeoutMillis()))
                .executor(io)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Adds this channel's routes to {@code server}. */
    public void routes(TlsServer server) {
        server.route(SEND, request -> receive(request, false));
        server.route(REQUEST, request -> receive(request, true));
    }

    @Override
    public void send(String from, String to, PeerMessage message) {
        URI base = nodes.get(to);
        if (base == null) {
            LOG.warn("no address for node {}: {} not sent", to, message.getClass().getSimpleName());
            return;
        }
        client.sendAsync(post(base, SEND, from, message, settings.sendTimeoutMillis()),
                HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> {
                    if (error != null) {
                        LOG.debug("{} to {} lost: {}", message.getClass().getSimpleName(), to, error.toString());
                    } else if (response.statusCode() != 202) {
                        LOG.warn("{} to {} refused with HTTP {}", message.getClass().getSimpleName(), to,
                                response.statusCode());
                    }
                });
    }

    @Override
    public CompletionStage<OpResult<PeerMessage>> request(String from, String to, PeerMessage message,
                                                          long timeoutMillis) {
        CompletableFuture<OpResult<PeerMessage>> done = new CompletableFuture<>();
        URI base = nodes.get(to);
        if (base == null) {
            deliver(done, OpResult.failed("no address for node " + to));
            return done;
        }
        String what = message.getClass().getSimpleName() + " to " + to;
        client.sendAsync(post(base, REQUEST, from, message, timeoutMillis), HttpResponse.BodyHandlers.ofByteArray())
                .orTimeout(timeoutMillis + 1_000, TimeUnit.MILLISECONDS)
                .whenComplete((response, error) -> deliver(done, outcome(what, response, error, timeoutMillis)));
        return done;
    }

    private static OpResult<PeerMessage> outcome(String what, HttpResponse<byte[]> response, Throwable error,
                                                 long timeoutMillis) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
                return OpResult.unknown(what + ": no reply within " + timeoutMillis + " ms");
            }
            return OpResult.unknown(what + ": " + cause);
        }
        int status = response.statusCode();
        if (status == 200) {
            try {
                return OpResult.ok(PeerCodec.decode(response.body()).message());
            } catch (IllegalArgumentException malformed) {
                return OpResult.unknown(what + ": malformed reply: " + malformed.getMessage());
            }
        }
        if (status >= 400 && status < 500) {
            return OpResult.failed(what + ": refused with HTTP " + status);
        }
        return OpResult.unknown(what + ": HTTP " + status);
    }

    private HttpRequest post(URI base, String path, String from, PeerMessage message, long timeoutMillis) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofMillis(timeoutMillis))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(PeerCodec.encode(from, message)))
                .build();
    }

    private void deliver(CompletableFuture<OpResult<PeerMessage>> done, OpResult<PeerMessage> result) {
        try {
            engine.execute(() -> done.complete(result));
        } catch (RejectedExecutionException engineGone) {
            done.complete(result);
        }
    }

    @Override
    public Subscription serve(String node, Handler handler) {
        handlers.put(node, handler);
        return () -> handlers.remove(node, handler);
    }

    /** Serves one incoming message: on the HTTP server's thread, waiting (bounded) for the engine's answer. */
    private TlsServer.Response receive(TlsServer.Request request, boolean wantsReply) throws Exception {
        if (!request.method().equals("POST")) {
            return TlsServer.Response.json(405, "{\"error\":\"POST only\"}");
        }
        PeerCodec.Envelope envelope;
        try {
            envelope = PeerCodec.decode(request.body());
        } catch (IllegalArgumentException malformed) {
            return TlsServer.Response.json(400, "{\"error\":" + jsonString(malformed.getMessage()) + "}");
        }
        if (!envelope.from().equals(request.peer())) {
            return TlsServer.Response.json(403, "{\"error\":" + jsonString("the certificate names "
                    + request.peer() + ", the message claims " + envelope.from()) + "}");
        }
        if (handlers.size() != 1) {
            return TlsServer.Response.json(503, "{\"error\":\"not serving\"}");
        }
        Map.Entry<String, Handler> served = handlers.entrySet().iterator().next();
        CompletableFuture<PeerMessage> reply = new CompletableFuture<>();
        engine.execute(() -> {
            try {
                CompletionStage<PeerMessage> stage = served.getValue().handle(envelope.from(), envelope.message());
                if (stage == null) {
                    reply.complete(null);
                } else {
                    stage.whenComplete((message, error) -> {
                        if (error != null) {
                            reply.completeExceptionally(error);
                        } else {
                            reply.complete(message);
                        }
                    });
                }
            } catch (RuntimeException failed) {
                reply.completeExceptionally(failed);
            }
        });
        if (!wantsReply) {
            return new TlsServer.Response(202, "application/json", new byte[0]);
        }
        PeerMessage answer;
        try {
            answer = reply.get(settings.handlerTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            return TlsServer.Response.json(503, "{\"error\":\"no answer in time\"}");
        }
        if (answer == null) {
            return TlsServer.Response.json(400, "{\"error\":\"" + envelope.message().getClass().getSimpleName()
                    + " is not a request\"}");
        }
        return new TlsServer.Response(200, "application/json", PeerCodec.encode(served.getKey(), answer));
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
