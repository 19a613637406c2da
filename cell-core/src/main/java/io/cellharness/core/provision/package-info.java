/**
 * Putting VMs on hosts the way the manager does, the same on every backend: {@link
 * io.cellharness.core.provision.VmDefiner} checks a VM against the documented VM rules before anything reaches a
 * hypervisor (L-01 … L-04, A-02 volumes) and gives NICs without a MAC one from the cluster's allocator (M-01).
 *
 * <p>Depends on the model, validation, MAC allocation and the {@link io.cellharness.core.port.Hypervisor} port; no
 * I/O, no clock.
 */
package io.cellharness.core.provision;
