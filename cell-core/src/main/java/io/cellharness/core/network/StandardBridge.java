package io.cellharness.core.network;

import java.util.Optional;

/** N-01: the bridges every Cell host has. */
public enum StandardBridge {
    /** Management: host ↔ control VM; also carries live migration (G-02). */
    MGMT("br-MGMT"),
    /** Guest traffic; VLAN bridges {@code br-VM.<id>} hang off it (N-03). */
    VM("br-VM"),
    /** Storage network of the storage controller VMs. */
    PN("br-PN"),
    /** Storage network of the storage controller VMs. */
    CN("br-CN"),
    /** N-02: host-only bridge between the host and its system VMs; it has no uplink. */
    CLOUD0("cloud0");

    private final String bridgeName;

    StandardBridge(String bridgeName) {
        this.bridgeName = bridgeName;
    }

    public String bridgeName() {
        return bridgeName;
    }

    /** Whether traffic on this bridge stays inside its host (cloud0). */
    public boolean hostOnly() {
        return this == CLOUD0;
    }

    public static Optional<StandardBridge> byName(String name) {
        for (StandardBridge b : values()) {
            if (b.bridgeName.equals(name)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** Every bridge name, for messages. */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (StandardBridge b : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(b.bridgeName);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return bridgeName;
    }
}
