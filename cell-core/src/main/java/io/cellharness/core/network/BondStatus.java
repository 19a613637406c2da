package io.cellharness.core.network;

import io.cellharness.core.model.BondMode;
import java.util.List;

/**
 * A snapshot of one bond.
 *
 * @param name           bond name, e.g. {@code bond-MGMT}
 * @param mode           its mode (N-06)
 * @param bridge         the bridge it uplinks
 * @param slaves         its NICs in configuration order with their link state
 * @param activeSlave    active-backup: the NIC carrying all traffic; null for other modes or when none is up
 * @param carriesTraffic whether any frame can leave through it
 * @param throughputGbps the documented throughput with the live slaves (N-06); 0 when it carries nothing
 * @param downReason     why it carries nothing; null when it carries traffic
 */
public record BondStatus(String name, BondMode mode, StandardBridge bridge, List<Slave> slaves, String activeSlave,
                         boolean carriesTraffic, double throughputGbps, String downReason) {

    public BondStatus {
        slaves = List.copyOf(slaves);
    }

    /**
     * The status in words, for traces and people: {@code bond-MGMT (active-backup): eno2 active, eno1 down; carries
     * traffic at 10 Gb/s}, or {@code ...: eno1 down, eno2 down; carries nothing: no slave has link}.
     */
    public String describe() {
        StringBuilder out = new StringBuilder(name).append(" (").append(mode.yamlName()).append("): ");
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (Slave s : slaves) {
            parts.add(s.nic() + (!s.up() ? " down" : s.nic().equals(activeSlave) ? " active" : " up"));
        }
        out.append(String.join(", ", parts)).append("; ");
        if (carriesTraffic) {
            out.append("carries traffic at ").append(throughputGbps == Math.rint(throughputGbps)
                    ? Long.toString((long) throughputGbps) : Double.toString(throughputGbps)).append(" Gb/s");
        } else {
            out.append("carries nothing").append(downReason == null ? "" : ": " + downReason);
        }
        return out.toString();
    }

    /** A bond member NIC. */
    public record Slave(String nic, int speedGbps, boolean up) {
    }
}
