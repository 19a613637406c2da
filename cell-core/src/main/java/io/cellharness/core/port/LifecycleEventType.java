package io.cellharness.core.port;

/** Domain lifecycle events, as libvirt's {@code virDomainEventType} names them. */
public enum LifecycleEventType {
    DEFINED,
    UNDEFINED,
    STARTED,
    SUSPENDED,
    RESUMED,
    STOPPED,
    SHUTDOWN,
    PMSUSPENDED,
    CRASHED
}
