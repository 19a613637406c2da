package io.cellharness.core.storage;

/**
 * The path changes of one host (S-05, S-06, S-08).
 *
 * @param host                       the host
 * @param path                       its current path
 * @param failovers                  moves away from a monitor declared down
 * @param failbacks                  moves back to a nearer monitor that answers again (S-06), once it served any hold (S-09)
 * @param stalls                     times no monitor answered
 * @param resumes                    times I/O resumed after a stall
 * @param longestFailoverStallMillis the longest time from a first missed probe to the failover it caused; at most
 *                                   {@link MonitorSettings#stallBoundMillis()}
 */
public record HostPathCounters(String host, IoPath path, long failovers, long failbacks, long stalls, long resumes,
                               long longestFailoverStallMillis) {
}
