/**
 * The host network of a Cell cluster (N-01 … N-07): the standard bridges of every host, VLAN bridges, {@code vnet}
 * ports, bonds with their documented modes, and L2 reachability between hosts and VMs under NIC, bond and switch
 * faults.
 *
 * <p>{@link io.cellharness.core.network.NetworkFabric} is the mutable model a simulator drives (NIC down/up, a switch
 * that stops speaking LACP, a host powering off, VMs attaching and detaching) and asks
 * {@link io.cellharness.core.network.NetworkFabric#reach}; {@link io.cellharness.core.network.Bond} is one bond's
 * slave selection, allocation-free per frame. Reachability is layer 2: two endpoints reach each other when they sit
 * on bridges of the same name (network and VLAN) and, across hosts, both hosts' uplinks of that network carry
 * traffic; routing between networks is not modelled.
 *
 * <p>Pure engine logic: depends on {@code model}, {@code limits} and {@code mac}; single-threaded like the rest of
 * the engine; every collection ordered.
 */
package io.cellharness.core.network;
