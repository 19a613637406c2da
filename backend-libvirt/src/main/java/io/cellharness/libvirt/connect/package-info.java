/**
 * Talking to libvirt: the JVM-wide event loop ({@link io.cellharness.libvirt.connect.LibvirtEventLoop}), kept-open
 * connections with keepalive and reconnection ({@link io.cellharness.libvirt.connect.LibvirtConnection}), libvirt's
 * error numbers, states and event details read raw and mapped by this package's own tables (libvirt 9.0's headers),
 * and the few C functions called directly through JNA ({@code LibvirtNative}).
 *
 * <p>Depends on libvirt-java, JNA and cell-core's ports; knows nothing of domain XML. Never runs {@code virsh}.
 */
package io.cellharness.libvirt.connect;
