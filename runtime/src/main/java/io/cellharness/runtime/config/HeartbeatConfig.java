package io.cellharness.runtime.config;

/**
 * Where the storage heartbeat is written.
 *
 * @param kind          {@code lease-file} (NFS or any shared filesystem); {@code rados} is not built yet
 * @param directory     the lease directory, for {@code lease-file}
 * @param timeoutMillis bound on one heartbeat write or read (default 5000)
 */
public record HeartbeatConfig(String kind, String directory, Long timeoutMillis) {

    public long timeout() {
        return timeoutMillis == null ? 5_000 : timeoutMillis;
    }
}
