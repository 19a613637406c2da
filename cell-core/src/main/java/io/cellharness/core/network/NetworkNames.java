package io.cellharness.core.network;

/** The documented names of network objects (N-04, N-05). */
public final class NetworkNames {

    /** N-05: every bond's name starts with this. */
    public static final String BOND_PREFIX = "bond-";
    /** N-05: the bond of the management network. */
    public static final String MANAGEMENT_BOND = "bond-MGMT";
    /** N-04: every VM port's name starts with this. */
    public static final String PORT_PREFIX = "vnet";

    private NetworkNames() {
    }

    /** N-04: the name of the port numbered {@code n} on its host. */
    public static String portName(int n) {
        return PORT_PREFIX + n;
    }
}
