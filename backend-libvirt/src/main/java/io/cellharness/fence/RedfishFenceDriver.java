package io.cellharness.fence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.BmcKind;
import io.cellharness.core.model.BmcSpec;
import io.cellharness.core.port.FenceDriver;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PowerState;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Fences through a Redfish BMC over HTTPS (H-04): {@code POST {system}/Actions/ComputerSystem.Reset} with
 * {@code ForceOff}, {@code On} or {@code ForceRestart}, and the system's {@code PowerState} read back with a
 * {@code GET}. The system is the first member of {@code /redfish/v1/Systems} unless one is configured; it is found
 * once and remembered.
 *
 * <p>Outcomes: a refused login (401, 403), another refusal (other 3xx/4xx) or an untrusted certificate is failed — the
 * BMC did not act. A timeout, a broken or refused connection or a 5xx is unknown: a BMC that answers 500 to a reset
 * may still have cut the power (H-06 waits for a status that reads off).
 *
 * <p>Credentials go preemptively as HTTP basic authentication, only over TLS: the service root must be https.
 */
public final class RedfishFenceDriver implements FenceDriver {

    /** The HTTPS port when the BMC address names none. */
    public static final int DEFAULT_PORT = 443;
    /** Where Redfish lists the computer systems a BMC manages (DSP0266). */
    public static final String SYSTEMS_PATH = "/redfish/v1/Systems";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param requestTimeout limit on one HTTP request until its response arrives; past it the outcome is unknown
     * @param systemPath     the system's path, e.g. {@code /redfish/v1/Systems/1}, or null to take the first member
     *                       of {@value #SYSTEMS_PATH}
     */
    public record Settings(Duration requestTimeout, String systemPath) {

        public Settings {
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            if (requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("Redfish request timeout must be positive, was " + requestTimeout);
            }
            if (systemPath != null && !systemPath.startsWith("/")) {
                throw new IllegalArgumentException("Redfish system path '" + systemPath + "' must start with '/'");
            }
        }

        /** The timeout of {@link Limits} (H-09) and a discovered system. */
        public static Settings defaults() {
            return new Settings(Duration.ofMillis(Limits.REDFISH_REQUEST_TIMEOUT_MS), null);
        }

        public Settings withRequestTimeout(Duration timeout) {
            return new Settings(timeout, systemPath);
        }

        public Settings withSystemPath(String path) {
            return new Settings(requestTimeout, path);
        }
    }

    /**
     * An HTTP client for Redfish BMCs. Each client keeps one selector thread of its own, so build one and share it
     * among all drivers rather than one per driver; it never follows redirects (a redirected reset is not a reset).
     *
     * @param trust          which server certificates to accept
     * @param connectTimeout limit on opening a connection ({@link Limits#REDFISH_CONNECT_TIMEOUT_MS} by default)
     * @param blocking       the executor the client runs its work on (the drivers' blocking executor)
     */
    public static HttpClient httpClient(TlsTrust trust, Duration connectTimeout, Executor blocking) {
        return HttpClient.newBuilder()
                .sslContext(trust.sslContext())
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1) // what BMCs' embedded web servers reliably speak
                .executor(blocking)
                .build();
    }

    private final String host;
    private final URI serviceRoot;
    private final String bmc;
    private final String username;
    private final String authorization;
    private final Settings settings;
    private final HttpClient http;
    private final FenceExecutors executors;
    /** The system's URI once configured or discovered; two discoveries racing find the same and are harmless. */
    private volatile URI system;

    /**
     * @param host        the host this BMC powers
     * @param serviceRoot the BMC's https base, e.g. {@code https://10.0.0.5} (paths are resolved against it)
     * @param credentials the BMC login (tests pass it directly; {@link #fromSpec} reads it from the environment)
     * @param http        a client from {@link #httpClient}, shared among drivers and built with
     *                    {@code executors.blocking()}: the HTTP work runs there
     * @param executors   {@code engine} completes the returned stages
     * @throws IllegalArgumentException when the service root is not an https URI
     */
    public RedfishFenceDriver(String host, URI serviceRoot, BmcCredentials credentials, Settings settings,
                              HttpClient http, FenceExecutors executors) {
        this.host = Objects.requireNonNull(host, "host");
        Objects.requireNonNull(serviceRoot, "serviceRoot");
        if (!"https".equalsIgnoreCase(serviceRoot.getScheme()) || serviceRoot.getHost() == null) {
            throw new IllegalArgumentException("host " + host + ": Redfish BMC '" + serviceRoot
                    + "' is not an https URI; the BMC password is only ever sent over TLS");
        }
        this.serviceRoot = serviceRoot;
        this.bmc = serviceRoot.getPort() < 0 ? serviceRoot.getHost()
                : serviceRoot.getHost() + ":" + serviceRoot.getPort();
        this.username = credentials.username();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8));
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.system = settings.systemPath() == null ? null : serviceRoot.resolve(settings.systemPath());
    }

    /**
     * The driver for a host's Redfish BMC at {@code https://address}; its password is read now from the environment
     * variable the spec names.
     *
     * @throws IllegalArgumentException naming the host when the spec is not Redfish, its address is malformed or the
     *                                  credentials are missing
     */
    public static RedfishFenceDriver fromSpec(String host, BmcSpec bmc, Settings settings, HttpClient http,
                                              FenceExecutors executors) {
        return fromSpec(host, bmc, settings, http, executors, BmcCredentials.fromEnvironment(host, bmc));
    }

    static RedfishFenceDriver fromSpec(String host, BmcSpec bmc, Settings settings, HttpClient http,
                                       FenceExecutors executors, BmcCredentials credentials) {
        if (bmc.kind() != BmcKind.REDFISH) {
            throw new IllegalArgumentException("host " + host + ": BMC " + bmc.address() + " is " + bmc.kind()
                    + ", not redfish");
        }
        BmcAddress address;
        try {
            address = BmcAddress.parse(bmc.address(), DEFAULT_PORT);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("host " + host + ": " + malformed.getMessage(), malformed);
        }
        URI root = URI.create("https://" + address.uriHost()
                + (address.port() == DEFAULT_PORT ? "" : ":" + address.port()));
        return new RedfishFenceDriver(host, root, credentials, settings, http, executors);
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public CompletionStage<OpResult<Void>> powerOff() {
        return resetAction("ForceOff", "power off");
    }

    @Override
    public CompletionStage<OpResult<Void>> powerOn() {
        return resetAction("On", "power on");
    }

    @Override
    public CompletionStage<OpResult<Void>> reset() {
        return resetAction("ForceRestart", "reset");
    }

    @Override
    public CompletionStage<OpResult<PowerState>> powerStatus() {
        String what = "power status of host " + host + " on BMC " + bmc;
        return executors.deliverOnEngine(what, then(system(), systemUri ->
                exchange(get(systemUri), "the power status read", false)
                        .thenApply(answer -> then(answer, this::powerState))));
    }

    private CompletionStage<OpResult<Void>> resetAction(String resetType, String action) {
        String what = action + " (" + resetType + ") of host " + host + " on BMC " + bmc;
        String body = JSON.createObjectNode().put("ResetType", resetType).toString();
        return executors.deliverOnEngine(what, then(system(), systemUri -> {
            URI target = URI.create(systemUri.toString().replaceAll("/+$", "") + "/Actions/ComputerSystem.Reset");
            HttpRequest post = request(target)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            return exchange(post, "the " + resetType + " reset", true)
                    .thenApply(answer -> answer.map(ignored -> (Void) null));
        }));
    }

    /** The system's URI: configured, remembered, or the first member of the Systems collection. */
    private CompletableFuture<OpResult<URI>> system() {
        URI known = system;
        if (known != null) {
            return CompletableFuture.completedFuture(OpResult.ok(known));
        }
        return exchange(get(serviceRoot.resolve(SYSTEMS_PATH)), "the system discovery (GET " + SYSTEMS_PATH + ")",
                false).thenApply(answer -> then(answer, json -> {
                    JsonNode members = json.path("Members");
                    JsonNode first = members.path(0).path("@odata.id");
                    if (!first.isTextual() || first.asText().isBlank()) {
                        return OpResult.failed("BMC " + bmc + " lists no computer system under " + SYSTEMS_PATH
                                + " (Members is " + (members.isMissingNode() ? "missing"
                                : Reasons.oneLine(members.toString())) + ")");
                    }
                    URI found;
                    try {
                        found = serviceRoot.resolve(first.asText());
                    } catch (IllegalArgumentException malformed) {
                        return OpResult.failed("BMC " + bmc + " lists a computer system at a malformed URI '"
                                + Reasons.oneLine(first.asText()) + "'");
                    }
                    if (!sameOrigin(found)) {
                        // Never follow a BMC elsewhere: the credentials would go to another server, maybe in clear.
                        return OpResult.failed("BMC " + bmc + " lists its computer system on another server ("
                                + found + "); configure the system path instead");
                    }
                    system = found;
                    return OpResult.ok(found);
                }));
    }

    private boolean sameOrigin(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme())
                && serviceRoot.getHost().equalsIgnoreCase(uri.getHost())
                && serviceRoot.getPort() == uri.getPort();
    }

    private OpResult<PowerState> powerState(JsonNode json) {
        JsonNode state = json.path("PowerState");
        if (!state.isTextual()) {
            return OpResult.unknown("BMC " + bmc + " answered the power status read without a PowerState");
        }
        return switch (state.asText()) {
            case "Off" -> OpResult.ok(PowerState.OFF);
            // Not off yet, or paused in memory: a fence is confirmed only by Off (H-06).
            case "On", "PoweringOn", "PoweringOff", "Paused" -> OpResult.ok(PowerState.ON);
            default -> OpResult.unknown("BMC " + bmc + " answered PowerState '"
                    + Reasons.oneLine(state.asText()) + "', which is neither On nor Off");
        };
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("OData-Version", "4.0");
    }

    private HttpRequest get(URI uri) {
        return request(uri).GET().build();
    }

    /**
     * One HTTP exchange, judged: 2xx gives the JSON body (an empty body reads as an empty object), anything else a
     * failed or unknown outcome naming the BMC and {@code what}.
     *
     * @param acts whether the request changes the power (a 5xx then means "may have acted")
     */
    private CompletableFuture<OpResult<JsonNode>> exchange(HttpRequest request, String what, boolean acts) {
        CompletableFuture<HttpResponse<String>> sent;
        try {
            sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException refusedByTheClient) {
            return CompletableFuture.completedFuture(OpResult.failed(what + " on BMC " + bmc + " not sent: "
                    + Reasons.oneLine(refusedByTheClient.getMessage())));
        }
        return sent.handle((response, error) -> error != null ? fromError(error, what, acts)
                : judge(response, what, acts));
    }

    private OpResult<JsonNode> judge(HttpResponse<String> response, String what, boolean acts) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            String body = response.body();
            if (body == null || body.isBlank()) {
                return OpResult.ok(JSON.createObjectNode());
            }
            try {
                return OpResult.ok(JSON.readTree(body));
            } catch (JsonProcessingException notJson) {
                if (acts) {
                    return OpResult.ok(JSON.createObjectNode()); // the BMC accepted the action; its prose is moot
                }
                return OpResult.unknown("BMC " + bmc + " answered " + what + " with HTTP " + status
                        + " but no readable JSON: " + Reasons.oneLine(notJson.getOriginalMessage()));
            }
        }
        String message = redfishMessage(response.body());
        if (status == 401) {
            return OpResult.failed("BMC " + bmc + " refused the credentials of user '" + username + "' for " + what
                    + " (HTTP 401)" + message);
        }
        if (status == 403) {
            return OpResult.failed("BMC " + bmc + " does not permit user '" + username + "' " + what
                    + " (HTTP 403: wrong credentials or too little privilege)" + message);
        }
        if (status >= 500) {
            return OpResult.unknown("BMC " + bmc + " answered " + what + " with HTTP " + status + message
                    + (acts ? "; it may or may not have acted" : ""));
        }
        return OpResult.failed("BMC " + bmc + " refused " + what + " (HTTP " + status + ")" + message);
    }

    /** The Redfish error message of a refusal, as {@code ": message"}, or empty. */
    private static String redfishMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode error = JSON.readTree(body).path("error");
            JsonNode extended = error.path("@Message.ExtendedInfo").path(0).path("Message");
            JsonNode message = extended.isTextual() ? extended : error.path("message");
            return message.isTextual() ? ": " + Reasons.oneLine(message.asText()) : "";
        } catch (JsonProcessingException notJson) {
            return "";
        }
    }

    private <T> OpResult<T> fromError(Throwable error, String what, boolean acts) {
        Throwable cause = unwrap(error);
        String to = " " + what + " on BMC " + bmc;
        if (cause instanceof HttpConnectTimeoutException) {
            return OpResult.unknown("BMC " + bmc + " unreachable: no connection for " + what + " within the "
                    + "connect timeout");
        }
        if (cause instanceof HttpTimeoutException) {
            return OpResult.unknown("no answer to" + to + " within " + seconds(settings.requestTimeout())
                    + (acts ? "; it may or may not have acted" : ""));
        }
        if (cause instanceof ConnectException) {
            return OpResult.unknown("BMC " + bmc + " unreachable for " + what + ": "
                    + (cause.getMessage() == null ? "connection refused" : describe(cause)));
        }
        if (cause instanceof SSLHandshakeException && certificateRejected(cause)) {
            return OpResult.failed(what + " on BMC " + bmc + " not sent: its TLS certificate is not trusted ("
                    + describe(cause) + "); trust its CA or certificate explicitly and address the BMC by a name "
                    + "the certificate carries");
        }
        if (cause instanceof IOException) {
            return OpResult.unknown("connection to BMC " + bmc + " broke during " + what + ": " + describe(cause)
                    + (acts ? "; it may or may not have acted" : ""));
        }
        return OpResult.unknown(what + " on BMC " + bmc + " ended in an unexpected error: " + describe(cause));
    }

    private static boolean certificateRejected(Throwable handshake) {
        for (Throwable t = handshake; t != null; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof CertPathValidatorException
                    || t instanceof SSLPeerUnverifiedException) {
                return true;
            }
        }
        String message = handshake.getMessage();
        return message != null && message.contains("PKIX path");
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + Reasons.oneLine(message));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** Runs the step, or passes on a failed or unknown outcome unchanged. */
    private static <A, B> OpResult<B> then(OpResult<A> first, Function<A, OpResult<B>> next) {
        return first instanceof OpResult.Ok<A> ok ? next.apply(ok.value()) : first.map(ignored -> null);
    }

    private static <A, B> CompletableFuture<OpResult<B>> then(CompletableFuture<OpResult<A>> first,
                                                              Function<A, CompletableFuture<OpResult<B>>> next) {
        return first.thenCompose(result -> result instanceof OpResult.Ok<A> ok ? next.apply(ok.value())
                : CompletableFuture.completedFuture(result.map(ignored -> null)));
    }

    @Override
    public String toString() {
        return "RedfishFenceDriver[host=" + host + ", bmc=" + serviceRoot + ", user=" + username + "]";
    }
}
