package io.cellharness.core.storage;

import java.util.List;

/** What the host must do before a {@link DiskSource.BlockDevice} exists on it. */
public sealed interface HostAttachment {

    /** The device appears once the host's storage driver has mapped the volume (multipath, SDC, DRBD, a host disk). */
    record Mapped(HostDriver driver) implements HostAttachment {
        @Override
        public String toString() {
            return "mapped by " + driver;
        }
    }

    /**
     * NVMe over Fabrics: the host connects to the subsystem ({@code nvme connect}, TCP transport); the namespace
     * then appears through native NVMe multipath under its stable {@code /dev/disk/by-id} name.
     *
     * @param subsystemNqn the subsystem's NVMe qualified name
     * @param portals      where to connect; empty means the host's discovery configuration decides
     */
    record NvmeConnect(String subsystemNqn, List<HostAddress> portals) implements HostAttachment {
        public NvmeConnect {
            portals = List.copyOf(portals);
        }

        @Override
        public String toString() {
            return "nvme connect " + subsystemNqn + (portals.isEmpty() ? "" : " at " + portals);
        }
    }
}
