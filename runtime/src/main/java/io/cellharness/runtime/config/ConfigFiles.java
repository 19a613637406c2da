package io.cellharness.runtime.config;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.spec.SpecCodec;
import io.cellharness.core.spec.SpecFormatException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads and checks {@code agent.yaml} and {@code manager.yaml}: every problem is one line naming the file and the key.
 * Relative paths in a file are relative to the file's directory.
 */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    /** A read configuration with the cluster it names. */
    public record Loaded<T>(T config, ClusterSpec cluster, Path directory) {

        public Path resolve(String path) {
            return directory.resolve(path).normalize();
        }
    }

    public static Loaded<AgentConfig> agent(Path file) throws ConfigException {
        AgentConfig c = read(file, AgentConfig.class);
        String where = file.toString();
        require(where, "host", c.host());
        require(where, "cluster", c.cluster());
        require(where, "manager", c.manager());
        listen(where, c.listen());
        nodes(where, c.nodes(), c.host(), c.manager());
        tls(where, c.tls());
        heartbeat(where, c.storageHeartbeat());
        if (c.watchdog() != null && c.watchdog().fallback() != null && !c.watchdog().fallback().equals("software")) {
            throw new ConfigException(where + ": watchdog.fallback: expected 'software' or nothing, got '"
                    + c.watchdog().fallback() + "'");
        }
        Path directory = directory(file);
        ClusterSpec cluster = cluster(where, directory.resolve(c.cluster()));
        if (cluster.host(c.host()).isEmpty()) {
            throw new ConfigException(where + ": host: '" + c.host() + "' is not a host of " + c.cluster());
        }
        return new Loaded<>(c, cluster, directory);
    }

    public static Loaded<ManagerConfig> manager(Path file) throws ConfigException {
        ManagerConfig c = read(file, ManagerConfig.class);
        String where = file.toString();
        require(where, "node", c.node());
        require(where, "cluster", c.cluster());
        require(where, "journal", c.journal());
        listen(where, c.listen());
        nodes(where, c.nodes(), c.node(), c.node());
        tls(where, c.tls());
        heartbeat(where, c.storageHeartbeat());
        if (c.massFailureShare() != null && !(c.massFailureShare() > 0 && c.massFailureShare() < 1)) {
            throw new ConfigException(where + ": massFailureShare: expected a number between 0 and 1, got "
                    + c.massFailureShare());
        }
        if (c.leaseTimeoutMillis() != null && c.leaseTimeoutMillis() <= 0) {
            throw new ConfigException(where + ": leaseTimeoutMillis: expected a positive number of milliseconds, got "
                    + c.leaseTimeoutMillis());
        }
        Path directory = directory(file);
        ClusterSpec cluster = cluster(where, directory.resolve(c.cluster()));
        for (var host : cluster.hosts()) {
            if (c.nodes().get(host.name()) == null) {
                throw new ConfigException(where + ": nodes: no address for host " + host.name() + "'s agent");
            }
            if (c.libvirt() == null || c.libvirt().get(host.name()) == null) {
                throw new ConfigException(where + ": libvirt: no URI for host " + host.name());
            }
        }
        return new Loaded<>(c, cluster, directory);
    }

    /** {@code address:port} as a socket address (not resolved here beyond what the JDK does). */
    public static InetSocketAddress listenAddress(String listen) {
        int colon = listen.lastIndexOf(':');
        String host = listen.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new InetSocketAddress(host, Integer.parseInt(listen.substring(colon + 1)));
    }

    private static Path directory(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    private static <T> T read(Path file, Class<T> type) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new ConfigException(file + ": permission denied");
        } catch (IOException e) {
            // The words of cell-cli's InputFiles: no exception class names in what a person reads (issue 19).
            throw new ConfigException(file + ": cannot be read");
        }
        try {
            return SpecCodec.read(text, file.toString(), type);
        } catch (SpecFormatException bad) {
            throw new ConfigException(bad.getMessage());
        }
    }

    private static ClusterSpec cluster(String where, Path clusterFile) throws ConfigException {
        String text;
        try {
            text = Files.readString(clusterFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(where + ": cluster: " + clusterFile + " cannot be read");
        }
        try {
            return SpecCodec.readCluster(text, clusterFile.toString());
        } catch (SpecFormatException bad) {
            throw new ConfigException(bad.getMessage());
        }
    }

    private static void require(String where, String key, String value) throws ConfigException {
        if (value == null || value.isBlank()) {
            throw new ConfigException(where + ": " + key + ": required");
        }
    }

    private static void listen(String where, String listen) throws ConfigException {
        require(where, "listen", listen);
        int colon = listen.lastIndexOf(':');
        try {
            int port = Integer.parseInt(listen.substring(colon + 1));
            if (colon <= 0 || port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException bad) {
            throw new ConfigException(where + ": listen: expected address:port, got '" + listen + "'");
        }
    }

    private static void nodes(String where, Map<String, String> nodes, String self, String manager)
            throws ConfigException {
        if (nodes == null || nodes.isEmpty()) {
            throw new ConfigException(where + ": nodes: required (every node's https:// base URL by name)");
        }
        for (var e : nodes.entrySet()) {
            URI uri;
            try {
                uri = URI.create(e.getValue());
            } catch (IllegalArgumentException bad) {
                throw new ConfigException(where + ": nodes." + e.getKey() + ": not a URL: '" + e.getValue() + "'");
            }
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException(where + ": nodes." + e.getKey() + ": expected an https:// URL, got '"
                        + e.getValue() + "'");
            }
        }
        for (String needed : new String[] {self, manager}) {
            if (!nodes.containsKey(needed)) {
                throw new ConfigException(where + ": nodes: no address for " + needed);
            }
        }
    }

    private static void tls(String where, TlsConfig tls) throws ConfigException {
        if (tls == null) {
            throw new ConfigException(where + ": tls: required (keyStore, trustStore, passwordCredential)");
        }
        require(where, "tls.keyStore", tls.keyStore());
        require(where, "tls.trustStore", tls.trustStore());
        require(where, "tls.passwordCredential", tls.passwordCredential());
    }

    private static void heartbeat(String where, HeartbeatConfig hb) throws ConfigException {
        if (hb == null) {
            throw new ConfigException(where + ": storageHeartbeat: required (kind: lease-file, directory)");
        }
        if (!"lease-file".equals(hb.kind())) {
            throw new ConfigException(where + ": storageHeartbeat.kind: expected 'lease-file', got '" + hb.kind()
                    + "' (rados is not available in this build)");
        }
        require(where, "storageHeartbeat.directory", hb.directory());
    }
}
