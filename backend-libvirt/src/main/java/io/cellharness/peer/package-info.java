/**
 * The management network on real hosts (H-01 … H-03, R-01): {@link io.cellharness.peer.HttpsPeerChannel}, the
 * engine's {@code PeerChannel} port as JSON over HTTPS with mutual TLS, and {@link io.cellharness.peer.TlsServer},
 * the one HTTPS listener of a service (peer messages under {@code /v1/peer/}, plus whatever the service adds: status,
 * health, metrics). Every request must carry a client certificate the trust store accepts; a request without one is
 * refused and logged at most once per interval ({@link io.cellharness.peer.RateLimitedLog}), so a flood cannot fill
 * the log. Bodies are bounded; a body that is too big or malformed gets a 4xx and the service goes on.
 *
 * <p>A peer's name is the common name (CN) of its certificate: a message that claims to come from another node than
 * its certificate names is refused.
 *
 * <p>May depend on cell-core's ports, Jackson, SLF4J's API and the JDK ({@code com.sun.net.httpserver},
 * {@code java.net.http}, {@code javax.net.ssl}). Nothing in cell-core depends on this package.
 */
package io.cellharness.peer;
