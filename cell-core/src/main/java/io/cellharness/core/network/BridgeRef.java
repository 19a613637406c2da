package io.cellharness.core.network;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.VmNicSpec;
import java.util.Optional;

/**
 * A bridge a port attaches to: a standard bridge, or a VLAN bridge on one ({@code br-VM.101}, N-03).
 *
 * @param base the standard bridge
 * @param vlan the 802.1Q VLAN ID, or null for the untagged bridge itself
 */
public record BridgeRef(StandardBridge base, Integer vlan) {

    public BridgeRef {
        if (base == null) {
            throw new IllegalArgumentException("a bridge needs a base bridge");
        }
        if (vlan != null && base.hostOnly()) {
            throw new IllegalArgumentException("cloud0 is host-only and carries no VLANs (N-02)");
        }
        if (vlan != null && (vlan < Limits.VLAN_MIN || vlan > Limits.VLAN_MAX)) {
            throw new IllegalArgumentException("VLAN " + vlan + " is not a usable 802.1Q VLAN ID ("
                    + Limits.VLAN_MIN + ".." + Limits.VLAN_MAX + ")");
        }
    }

    public static BridgeRef of(StandardBridge base) {
        return new BridgeRef(base, null);
    }

    public static BridgeRef vlan(int vlan) {
        return new BridgeRef(StandardBridge.VM, vlan);
    }

    /**
     * Reads {@code br-VM}, {@code cloud0} or {@code br-VM.101}.
     *
     * @throws IllegalArgumentException naming the bridge and the accepted names
     */
    public static BridgeRef parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("a bridge name is required, one of " + StandardBridge.names());
        }
        Optional<StandardBridge> plain = StandardBridge.byName(name);
        if (plain.isPresent()) {
            return of(plain.get());
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            Optional<StandardBridge> base = StandardBridge.byName(name.substring(0, dot));
            String id = name.substring(dot + 1);
            if (base.isPresent() && !id.isEmpty() && id.chars().allMatch(Character::isDigit) && id.length() <= 4) {
                return new BridgeRef(base.get(), Integer.parseInt(id));
            }
        }
        throw new IllegalArgumentException("unknown bridge '" + name + "'; a host has " + StandardBridge.names()
                + " and VLAN bridges like br-VM.101");
    }

    /** The bridge of a VM NIC: its network, with its VLAN if it has one. */
    public static BridgeRef of(VmNicSpec nic) {
        return parse(nic.bridge());
    }

    /** The Linux bridge name, e.g. {@code br-VM.101}. */
    public String name() {
        return vlan == null ? base.bridgeName() : base.bridgeName() + "." + vlan;
    }

    @Override
    public String toString() {
        return name();
    }
}
