package io.cellharness.sim.world;

import io.cellharness.core.limits.Limits;

/**
 * The physics of the simulated world: latencies, durations and timeouts, in virtual milliseconds. Defaults come from
 * {@link Limits}; a scenario may override them.
 */
public record SimSettings(
        long mgmtLatencyMillis, long mgmtJitterMillis,
        long storageLatencyMillis, long storageJitterMillis,
        long bmcLatencyMillis, long bmcJitterMillis, long bmcTimeoutMillis,
        long powerOffMillis, long hostBootMillis,
        long libvirtCallMillis, long libvirtCallJitterMillis,
        long domainStartMillis, long domainStartJitterMillis,
        long guestShutdownMillis, long libvirtTimeoutMillis,
        long watchdogTimeoutMillis, int defaultMgmtGbps) {

    public static final SimSettings DEFAULTS = new SimSettings(
            Limits.SIM_MGMT_LATENCY_MS, Limits.SIM_MGMT_JITTER_MS,
            Limits.SIM_STORAGE_LATENCY_MS, Limits.SIM_STORAGE_JITTER_MS,
            Limits.SIM_BMC_LATENCY_MS, Limits.SIM_BMC_JITTER_MS, Limits.SIM_BMC_TIMEOUT_MS,
            Limits.SIM_POWER_OFF_MS, Limits.SIM_HOST_BOOT_MS,
            Limits.SIM_LIBVIRT_CALL_MS, Limits.SIM_LIBVIRT_CALL_JITTER_MS,
            Limits.SIM_DOMAIN_START_MS, Limits.SIM_DOMAIN_START_JITTER_MS,
            Limits.SIM_GUEST_SHUTDOWN_MS, Limits.SIM_LIBVIRT_TIMEOUT_MS,
            Limits.HA_WATCHDOG_TIMEOUT_MS, Limits.SIM_DEFAULT_MGMT_GBPS);
}
