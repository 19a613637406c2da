/**
 * Host-level rules that are not about capacity: L-09, a host with running VMs cannot be suspended or hibernated,
 * decided by what the host's hypervisor reports running; A-04, which guests a host runs (kvm, or qemu TCG without
 * hardware virtualisation). Depends on the model and the hypervisor port only.
 */
package io.cellharness.core.host;
