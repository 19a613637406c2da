package io.cellharness.runtime.config;

import java.util.Map;

/**
 * {@code manager.yaml}.
 *
 * @param node             the manager's node name (the CN of its certificate)
 * @param cluster          the cluster file
 * @param listen           {@code address:port} of the manager's HTTPS listener (peer messages, status, health, metrics)
 * @param nodes            every node's base URL by name: the manager and every host's agent
 * @param tls              TLS material
 * @param libvirt          each host's libvirt URI, for restarts on surviving hosts
 * @param storageHeartbeat where the hosts' storage heartbeats are read
 * @param journal          the journal's SQLite file (H-12)
 * @param macSeed          seed of the MACs the manager assigns to restarted VMs' NICs that have none (M-01)
 * @param bmcTrust         a PEM file of the certificates Redfish BMCs may present (default: the JDK's trust store)
 * @param massFailureShare the share of hosts that may look failed at once before automatic fencing stops (H-10;
 *                         default the engine's); a two-host cluster needs more than 0.5 to fence at all
 * @param leaseTimeoutMillis how long a host's storage heartbeat must have stopped before the lease channel confirms
 *                         it dead (H-06; default the engine's); it must exceed the hosts' watchdog timeout
 */
public record ManagerConfig(String node, String cluster, String listen, Map<String, String> nodes, TlsConfig tls,
                            Map<String, String> libvirt, HeartbeatConfig storageHeartbeat, String journal,
                            Long macSeed, String bmcTrust, Double massFailureShare,
                            Long leaseTimeoutMillis) {
}
