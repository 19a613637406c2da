package io.cellharness.core.storage;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A storage server's address: a DNS name, an IPv4 address or a bracketed IPv6 address, with a port.
 *
 * @param name the host name or address as written (an IPv6 address without its brackets)
 * @param port the TCP port, 1 … 65535
 */
public record HostAddress(String name, int port) {

    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern DNS_NAME = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*");
    private static final Pattern IPV4 = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern WITH_PORT = Pattern.compile("(\\[[^\\]]*\\]|[^:\\[\\]]+)(?::(\\d{1,5}))?");
    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_PORT = 65_535;

    public HostAddress {
        if (!validName(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a host name or address");
        }
        if (port < 1 || port > MAX_PORT) {
            throw new IllegalArgumentException("port " + port + " is not in 1.." + MAX_PORT);
        }
    }

    /**
     * Reads {@code name}, {@code name:port}, {@code [v6]} or {@code [v6]:port}; empty when {@code text} is none of
     * these.
     */
    public static Optional<HostAddress> parse(String text, int defaultPort) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = WITH_PORT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String host = m.group(1);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
            if (!IPV6.matcher(host).matches()) {
                return Optional.empty();
            }
        } else if (!validName(host)) {
            return Optional.empty();
        }
        int port = defaultPort;
        if (m.group(2) != null) {
            port = Integer.parseInt(m.group(2));
            if (port < 1 || port > MAX_PORT) {
                return Optional.empty();
            }
        }
        return Optional.of(new HostAddress(host, port));
    }

    /** Whether {@code name} is a DNS name, an IPv4 address or an (unbracketed) IPv6 address. */
    public static boolean validName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            return false;
        }
        if (IPV4.matcher(name).matches() || IPV6.matcher(name).matches()) {
            return true;
        }
        // 300.1.1.1 is a mistyped address, not a name
        return DNS_NAME.matcher(name).matches() && !NUMERIC.matcher(name).matches();
    }

    @Override
    public String toString() {
        return (name.indexOf(':') >= 0 ? "[" + name + "]" : name) + ":" + port;
    }
}
