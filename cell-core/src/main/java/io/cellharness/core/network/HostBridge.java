package io.cellharness.core.network;

/**
 * One bridge of a host, always a native Linux bridge (N-01: Cell never uses Open vSwitch), and the interface enslaved
 * to it as its uplink.
 *
 * @param name   the bridge, e.g. {@code br-VM} or {@code br-VM.101}
 * @param uplink the interface that uplinks it: the bond configured for it ({@code bond-VM}); for a VLAN bridge the
 *               802.1Q subinterface of that bond tagged with the VLAN ({@code bond-VM.101}, N-03); null for the
 *               host-only {@code cloud0} (N-02) and for an uplink the host specification does not describe
 * @param vlan   the VLAN tag its uplink carries, or null when it is untagged
 */
public record HostBridge(String name, String uplink, Integer vlan) {

    /** The phrase {@code cell render} and the scenarios use, e.g. {@code br-VM.101 <- bond-VM.101 (VLAN 101 of bond-VM)}. */
    public String describe() {
        if (uplink == null) {
            return name + " (no uplink described)";
        }
        if (vlan == null) {
            return name + " <- " + uplink;
        }
        String bond = uplink.substring(0, uplink.length() - ("." + vlan).length());
        return name + " <- " + uplink + " (the VLAN " + vlan + " 802.1Q-tagged subinterface of " + bond + ")";
    }
}
