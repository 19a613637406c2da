package io.cellharness.libvirt;

/**
 * A running migration job as libvirt reports it (G-01), read periodically while the memory is copied.
 *
 * @param vm             the VM being migrated
 * @param elapsedMillis  time since the job started
 * @param dataTotal      bytes to transfer in all (memory, plus disks when copied)
 * @param dataProcessed  bytes transferred so far
 * @param dataRemaining  bytes still to transfer
 * @param iteration      the pre-copy pass (memory dirtied during one pass is sent in the next)
 */
public record MigrationProgress(String vm, long elapsedMillis, long dataTotal, long dataProcessed, long dataRemaining,
                                int iteration) {
}
