package io.cellharness.libvirt.xml;

/**
 * A network endpoint of a storage service: {@code host}, {@code host:port} or {@code [v6-address]:port}.
 *
 * @param host name or address, without brackets
 * @param port TCP port, or null for the service default
 */
public record Endpoint(String host, Integer port) {

    public Endpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("an endpoint needs a host");
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("endpoint " + host + " has port " + port + " outside 1..65535");
        }
    }

    /**
     * Parses {@code host}, {@code host:port} or {@code [addr]:port}.
     *
     * @param what what the endpoint is, for the error message (e.g. "Glue monitor")
     */
    public static Endpoint parse(String text, String what) {
        String t = text == null ? "" : text.trim();
        try {
            if (t.startsWith("[")) {
                int close = t.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("missing ]");
                }
                String rest = t.substring(close + 1);
                Integer port = rest.isEmpty() ? null : Integer.valueOf(rest.substring(rest.indexOf(':') + 1));
                if (!rest.isEmpty() && !rest.startsWith(":")) {
                    throw new IllegalArgumentException("text after ]");
                }
                return new Endpoint(t.substring(1, close), port);
            }
            int colon = t.lastIndexOf(':');
            if (colon > 0 && t.indexOf(':') == colon) {
                return new Endpoint(t.substring(0, colon), Integer.valueOf(t.substring(colon + 1)));
            }
            return new Endpoint(t, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not host, host:port or [address]:port ("
                    + e.getMessage() + ")", e);
        }
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return port == null ? h : h + ":" + port;
    }
}
