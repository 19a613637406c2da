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

    /** A bond member NIC. */
    public record Slave(String nic, int speedGbps, boolean up) {
    }
}
