/**
 * Host-level rules that are not about capacity: L-09, a host with running VMs cannot be suspended or hibernated.
 */
package io.cellharness.core.host;
