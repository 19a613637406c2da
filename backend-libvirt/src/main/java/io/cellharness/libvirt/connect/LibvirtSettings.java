package io.cellharness.libvirt.connect;

import io.cellharness.core.limits.Limits;

/**
 * Timings of the libvirt backend; the defaults are in {@link Limits} (section A).
 *
 * @param keepaliveIntervalSeconds seconds between keepalive probes on remote connections
 * @param keepaliveCount           unanswered probes before libvirt closes the connection as dead
 * @param callTimeoutMillis        how long a call may take before it completes unknown
 * @param migrationTimeoutMillis   how long a migration may take before it completes unknown
 * @param migrationProgressMillis  how often a running migration's progress is read
 * @param reconnectDelayMillis     pause between attempts to reopen a broken connection
 */
public record LibvirtSettings(int keepaliveIntervalSeconds, int keepaliveCount, long callTimeoutMillis,
                              long migrationTimeoutMillis, long migrationProgressMillis, long reconnectDelayMillis) {

    public static final LibvirtSettings DEFAULTS = new LibvirtSettings(Limits.LIBVIRT_KEEPALIVE_INTERVAL_SECONDS,
            Limits.LIBVIRT_KEEPALIVE_COUNT, Limits.LIBVIRT_CALL_TIMEOUT_MILLIS, Limits.LIBVIRT_MIGRATION_TIMEOUT_MILLIS,
            Limits.LIBVIRT_MIGRATION_PROGRESS_MILLIS, Limits.LIBVIRT_RECONNECT_DELAY_MILLIS);

    public LibvirtSettings withKeepalive(int intervalSeconds, int count) {
        return new LibvirtSettings(intervalSeconds, count, callTimeoutMillis, migrationTimeoutMillis,
                migrationProgressMillis, reconnectDelayMillis);
    }

    public LibvirtSettings withCallTimeoutMillis(long millis) {
        return new LibvirtSettings(keepaliveIntervalSeconds, keepaliveCount, millis, migrationTimeoutMillis,
                migrationProgressMillis, reconnectDelayMillis);
    }

    public LibvirtSettings withReconnectDelayMillis(long millis) {
        return new LibvirtSettings(keepaliveIntervalSeconds, keepaliveCount, callTimeoutMillis, migrationTimeoutMillis,
                migrationProgressMillis, millis);
    }
}
