/**
 * Host-level rules that are not about capacity: L-09, a host with running VMs cannot be suspended or hibernated;
 * A-04, which guests a host runs (kvm, or qemu TCG without hardware virtualisation).
 */
package io.cellharness.core.host;
