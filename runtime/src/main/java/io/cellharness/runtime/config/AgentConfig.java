package io.cellharness.runtime.config;

import java.util.Map;

/**
 * {@code agent.yaml}.
 *
 * @param host             this host's name in the cluster file
 * @param cluster          the cluster file (same format as everywhere else)
 * @param manager          the manager's node name (the CN of its certificate)
 * @param listen           {@code address:port} of this agent's HTTPS listener
 * @param nodes            every node's base URL by name: the manager and every host's agent
 * @param tls              TLS material
 * @param libvirt          this host's libvirt URI (default {@code qemu:///system})
 * @param storageHeartbeat where the storage heartbeat goes
 * @param watchdog         the watchdog
 */
public record AgentConfig(String host, String cluster, String manager, String listen, Map<String, String> nodes,
                          TlsConfig tls, String libvirt, HeartbeatConfig storageHeartbeat, WatchdogConfig watchdog) {
}
