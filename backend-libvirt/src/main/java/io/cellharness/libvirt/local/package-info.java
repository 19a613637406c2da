/**
 * Private libvirt daemons on this machine, for tests, scenarios and {@code cell run --backend libvirt} without a
 * cluster: {@link io.cellharness.libvirt.local.LocalLibvirtDaemon} starts one root libvirtd with its QEMU driver in
 * its own mount namespace (so two do not share state) and stops it by PID;
 * {@link io.cellharness.libvirt.local.LocalLibvirtDaemons} starts several at once;
 * {@link io.cellharness.libvirt.local.LocalBridge} gives their guests a Linux bridge to plug into.
 *
 * <p>This is the only package of the libvirt backend that starts processes ({@code unshare … libvirtd}, {@code ip});
 * the management path ({@code io.cellharness.libvirt}, {@code .connect}, {@code .xml}) talks to libvirt through its
 * API only and never runs {@code virsh}, which the build checks. Depends on libvirt-java (readiness) and the
 * JDK.
 */
package io.cellharness.libvirt.local;
