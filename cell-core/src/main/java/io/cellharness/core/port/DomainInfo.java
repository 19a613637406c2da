package io.cellharness.core.port;

/**
 * One domain a hypervisor knows.
 *
 * @param name   domain name
 * @param state  current state
 * @param reason why it is in that state, when the hypervisor says (e.g. {@code paused: I/O error})
 */
public record DomainInfo(String name, DomainState state, String reason) {
}
