package io.cellharness.fence;

import java.util.Objects;

/**
 * Where a BMC listens: the {@code address} of a {@link io.cellharness.core.model.BmcSpec}, {@code host[:port]}, with
 * IPv6 literals written {@code [::1]:623} (a bare IPv6 literal takes the default port).
 *
 * @param host name or IP literal, without brackets
 * @param port UDP (IPMI) or TCP (Redfish) port
 */
public record BmcAddress(String host, int port) {

    public BmcAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("BMC address has an empty host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("BMC address " + host + ": port " + port + " is not from 1 to 65535");
        }
    }

    /**
     * Parses {@code host}, {@code host:port}, {@code [v6]}, {@code [v6]:port} or a bare IPv6 literal.
     *
     * @param defaultPort the port when the address names none (623 for IPMI, 443 for Redfish)
     */
    public static BmcAddress parse(String address, int defaultPort) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("BMC address is empty");
        }
        String text = address.trim();
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("BMC address '" + text + "' opens '[' without closing ']'");
            }
            String host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (rest.isEmpty()) {
                return new BmcAddress(host, defaultPort);
            }
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("BMC address '" + text + "': expected ':port' after ']'");
            }
            return new BmcAddress(host, port(text, rest.substring(1)));
        }
        int firstColon = text.indexOf(':');
        if (firstColon < 0) {
            return new BmcAddress(text, defaultPort);
        }
        if (firstColon != text.lastIndexOf(':')) {
            return new BmcAddress(text, defaultPort); // a bare IPv6 literal: no port can be told apart from it
        }
        return new BmcAddress(text.substring(0, firstColon), port(text, text.substring(firstColon + 1)));
    }

    private static int port(String address, String digits) {
        try {
            int port = Integer.parseInt(digits);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the whole address
        }
        throw new IllegalArgumentException("BMC address '" + address + "': port '" + digits
                + "' is not a number from 1 to 65535");
    }

    /** The host as it goes into a URI: IPv6 literals in brackets. */
    public String uriHost() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    /** {@code host:port}, IPv6 in brackets; the form used in every reason that names this BMC. */
    @Override
    public String toString() {
        return uriHost() + ":" + port;
    }
}
