package io.cellharness.core.network;

import java.util.List;

/** The result of attaching a VM's NICs to a host's bridges. */
public sealed interface PortAttachment {

    /** Every NIC got a port, in NIC order. */
    record Attached(List<Port> ports) implements PortAttachment {
        public Attached {
            ports = List.copyOf(ports);
        }
    }

    /** No port was created; the rule and reason say why. */
    record Refused(String rule, String reason) implements PortAttachment {
    }

    default boolean attached() {
        return this instanceof Attached;
    }
}
