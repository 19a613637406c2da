package io.cellharness.core.network;

/**
 * One reason a host's NICs and bonds cannot be configured as specified.
 *
 * @param rule    the catalogue rule broken: N-05 (bond names), N-06 (what a bond is made of), N-07 (LACP without
 *                switch support), N-01/N-02 (the bridge a bond uplinks)
 * @param field   where in the host's specification, relative to the host, e.g. {@code bonds[1].mode}
 * @param value   the offending value as written, e.g. {@code 802.3ad}
 * @param message one line naming the bond or NIC and what is wrong, without the host
 */
public record HostNetworkProblem(String rule, String field, String value, String message) {
}
