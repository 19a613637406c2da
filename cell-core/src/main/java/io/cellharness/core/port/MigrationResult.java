package io.cellharness.core.port;

/**
 * A completed live migration.
 *
 * @param durationMillis how long the copy and switch-over took
 * @param downtimeMillis how long the guest was paused at switch-over
 * @param iterations     pre-copy iterations
 */
public record MigrationResult(long durationMillis, long downtimeMillis, int iterations) {
}
