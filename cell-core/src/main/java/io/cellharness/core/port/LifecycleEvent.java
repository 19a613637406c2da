package io.cellharness.core.port;

/**
 * A domain lifecycle event a hypervisor reports.
 *
 * @param host   the host whose hypervisor reported it
 * @param vm     the domain
 * @param type   what happened
 * @param detail the hypervisor's detail, e.g. {@code migrated}, {@code destroyed}, {@code failed}
 */
public record LifecycleEvent(String host, String vm, LifecycleEventType type, String detail) {
}
