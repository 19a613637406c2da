/**
 * MAC addresses (M-01, M-02): the manager assigns locally administered unicast MACs unique across the cluster,
 * rebuilds its view from the existing specifications so uniqueness survives a restart, and rejects an explicit
 * MAC that duplicates another NIC's, naming both. Randomness comes from the injected seeded source.
 */
package io.cellharness.core.mac;
