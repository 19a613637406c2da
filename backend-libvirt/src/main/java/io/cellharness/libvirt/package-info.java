/**
 * The libvirt backend: {@link io.cellharness.libvirt.LibvirtHypervisor} implements the core's
 * {@link io.cellharness.core.port.Hypervisor} port on a real libvirt daemon, with live migration between hosts
 * named by {@link io.cellharness.libvirt.MigrationPeers} (G-01, G-02).
 *
 * <p>Depends on cell-core (model, ports, limits), {@code io.cellharness.libvirt.xml} for domain and CPU XML, and
 * {@code io.cellharness.libvirt.connect} for connections, events and error mapping. The fencing drivers of this module
 * live apart, in {@code io.cellharness.fence}.
 */
package io.cellharness.libvirt;
