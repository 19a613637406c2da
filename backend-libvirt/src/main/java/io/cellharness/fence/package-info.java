/**
 * Real fencing (H-04, H-06, H-09): {@link io.cellharness.core.port.FenceDriver} on a host's BMC through the
 * {@code ipmitool} binary ({@link io.cellharness.fence.IpmiToolFenceDriver}, IPMI 2.0 lanplus) or through Redfish
 * over HTTPS ({@link io.cellharness.fence.RedfishFenceDriver}), and {@link io.cellharness.fence.BmcDriverFactory}, which
 * builds the right one from a host's {@link io.cellharness.core.model.BmcSpec}; {@link io.cellharness.fence.BmcFenceDrivers}
 * is the engine's {@link io.cellharness.core.port.FenceDrivers} port on them, one driver per host of a cluster.
 *
 * <p>Every outcome is ok, failed (the BMC or our own checks refused: bad credentials, an untrusted certificate, a
 * rejected command — it certainly did not act) or unknown (timeout, lost reply, broken connection, a server error on
 * a power command — it may have acted). Only a power status read back as off confirms a fence (H-06).
 *
 * <p>Threads: the drivers block (a child process, the network), so they do it on an executor the caller gives and
 * never start threads of their own per call; the returned stage completes on the engine's executor
 * ({@link io.cellharness.fence.FenceExecutors}).
 *
 * <p>Secrets: a BMC password comes from the environment variable its spec names; it reaches ipmitool only through
 * ipmitool's environment ({@code IPMI_PASSWORD} with {@code -E}) and a Redfish BMC only in the Authorization header
 * over verified TLS. It is never on a command line, in a reason, in a {@code toString} or in a log.
 *
 * <p>May depend on cell-core (model, port, limits), the JDK ({@code java.net.http}, {@code javax.net.ssl},
 * {@link java.lang.ProcessBuilder}) and Jackson. Nothing in cell-core depends on this package.
 */
package io.cellharness.fence;
