/**
 * The two services on real hosts: {@link io.cellharness.runtime.AgentService} runs cell-core's
 * {@code HaHelper} and {@link io.cellharness.runtime.ManagerService} its {@code HaManager}, each on the production
 * engine loop with the real ports of backend-libvirt (libvirt, BMC drivers, lease-file heartbeat, HTTPS peer channel)
 * and a status API on the same mutually authenticated HTTPS listener. {@link io.cellharness.runtime.RuntimeMain} is
 * the entry point the {@code cell agent} and {@code cell manager} subcommands (and the tests' processes) use.
 *
 * <p>This is a composition root: the one place besides the CLI and the scenario backends that wires worlds together.
 * May depend on cell-core, backend-libvirt, Jackson, SQLite's JDBC driver and SLF4J.
 */
package io.cellharness.runtime;
