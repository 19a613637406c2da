package io.cellharness.core.storage;

import java.util.List;

/**
 * One change of the Glue I/O path, for traces (S-04 … S-09).
 *
 * @param timeMillis when it happened
 * @param host       the host whose path changed (or that the VM is attached to)
 * @param vms        the VMs whose I/O took the new path, sorted by name
 * @param from       the path before
 * @param to         the path after
 * @param reason     why
 * @param detail     the evidence, e.g. {@code host-a missed 3 probes since t=4000; I/O stalled 5000 ms}
 */
public record PathChange(long timeMillis, String host, List<String> vms, IoPath from, IoPath to,
                         PathChangeReason reason, String detail) {

    public PathChange {
        vms = List.copyOf(vms);
    }

    /** {@code t=9000 host-a [web-1] via host-a -> via host-b FAILOVER: host-a missed 3 probes …} */
    public String oneLine() {
        return "t=" + timeMillis + " " + host + " " + vms + " " + from + " -> " + to + " " + reason + ": " + detail;
    }
}
