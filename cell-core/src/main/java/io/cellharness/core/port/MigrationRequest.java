package io.cellharness.core.port;

/**
 * How to live-migrate a VM (G-01, G-02).
 *
 * @param vm                 the VM
 * @param targetHost         the destination host
 * @param maxDowntimeMillis  the longest pause allowed at switch-over
 * @param autoConverge       whether the guest may be throttled to converge
 * @param copyStorage        whether disk data must be copied (storage not shared)
 * @param port               the TCP port on the destination's management address
 */
public record MigrationRequest(String vm, String targetHost, long maxDowntimeMillis, boolean autoConverge,
                               boolean copyStorage, int port) {
}
