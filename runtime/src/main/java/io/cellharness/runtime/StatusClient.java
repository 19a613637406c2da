package io.cellharness.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellharness.peer.PeerTls;
import io.cellharness.runtime.config.ConfigException;
import io.cellharness.runtime.config.Secrets;
import io.cellharness.runtime.config.TlsConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * {@code cell agent status} and {@code cell manager status}: asks the running service's status API (with the
 * service's own TLS material) and prints it for a person.
 */
public final class StatusClient {

    private StatusClient() {
    }

    /** The status document from the service at {@code listen}. */
    public static JsonNode fetch(Path configDirectory, TlsConfig tlsConfig, String listen, Secrets secrets)
            throws ConfigException, IOException, InterruptedException {
        char[] password = secrets.required(tlsConfig.passwordCredential(), "tls.passwordCredential");
        SSLContext tls;
        try {
            tls = PeerTls.context(configDirectory.resolve(tlsConfig.keyStore()), password,
                    configDirectory.resolve(tlsConfig.trustStore()), password);
        } catch (IllegalArgumentException unusable) {
            throw new ConfigException(unusable.getMessage());
        }
        String address = listen.startsWith("0.0.0.0:") ? "127.0.0.1" + listen.substring("0.0.0.0".length())
                : listen;
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("https://" + address
                        + "/v1/status")).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("status API at " + address + " answered HTTP " + response.statusCode());
        }
        return new ObjectMapper().readTree(response.body());
    }

    /** The document as lines for a person. */
    public static String render(JsonNode doc) {
        StringBuilder out = new StringBuilder();
        out.append(doc.path("role").asText()).append(' ').append(doc.path("node").asText()).append('\n');
        if (doc.has("hosts")) {
            out.append(String.format(Locale.ROOT, "  %-16s %-12s %-10s %-8s %s%n", "HOST", "STATE", "HB AGE", "LIBVIRT",
                    "RUNNING"));
            for (JsonNode h : doc.path("hosts")) {
                String age = h.path("heartbeatAgeMillis").isNull() ? "-"
                        : h.path("heartbeatAgeMillis").asLong() + "ms";
                out.append(String.format(Locale.ROOT, "  %-16s %-12s %-10s %-8s %s%n", h.path("name").asText(),
                        h.path("state").asText(), age, h.path("libvirtOk").asBoolean() ? "ok" : "-",
                        h.path("runningVms")));
            }
            for (JsonNode a : doc.path("alerts")) {
                out.append("  alert: ").append(a.asText()).append('\n');
            }
        } else {
            doc.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("role") && !e.getKey().equals("node")) {
                    out.append("  ").append(e.getKey()).append(": ").append(e.getValue().isTextual()
                            ? e.getValue().asText() : e.getValue().toString()).append('\n');
                }
            });
        }
        return out.toString();
    }
}
