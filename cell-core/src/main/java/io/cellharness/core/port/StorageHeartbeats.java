package io.cellharness.core.port;

import java.util.concurrent.CompletionStage;

/**
 * The storage heartbeat (lease) area on shared storage: each host advances its own counter through its own storage
 * path; the manager reads them. A counter that stops advancing while reads succeed means the host can no longer write
 * to storage (H-06's second channel). Clock-free: only the counter's change is observed.
 */
public interface StorageHeartbeats {

    /** {@code host} advances its heartbeat counter; completes with the new value. */
    CompletionStage<OpResult<Long>> write(String host);

    /** {@code reader} reads {@code host}'s heartbeat counter. */
    CompletionStage<OpResult<Long>> read(String reader, String host);
}
