package io.cellharness.core.storage;

/**
 * One VM's Glue I/O as the path selector saw it (S-05, S-08). Writes are modelled as a queue: a write goes to the
 * path's monitor and is acknowledged when that monitor next answers (the first sign it was alive after the write was
 * sent); a write whose monitor is left before that is replayed, in order, through the next path; a write issued while
 * there is no path is held until one appears. Nothing is dropped, so {@code writesLost} — issued minus acknowledged
 * minus pending, kept from separate tallies — stays 0.
 *
 * @param vm                 the VM
 * @param host               the host it is attached to, or null when detached
 * @param path               its current path
 * @param writesIssued       writes the guest issued
 * @param writesAcknowledged writes acknowledged to the guest, always in issue order
 * @param writesPending      writes issued and not yet acknowledged (in flight or held)
 * @param writesReplayed     re-sends after a path change
 * @param writesLost         issued − acknowledged − pending; 0 unless the bookkeeping is broken
 * @param stalledMillis      S-05/S-08: time its I/O could not progress: from the first missed probe of its path's
 *                           monitor to the failover, plus all time without a path (including now, if stalled)
 * @param failovers          failovers it went through
 * @param failbacks          failbacks it went through
 * @param stalls             times its I/O was paused for want of any monitor
 */
public record IoCounters(String vm, String host, IoPath path, long writesIssued, long writesAcknowledged,
                         long writesPending, long writesReplayed, long writesLost, long stalledMillis, long failovers,
                         long failbacks, long stalls) {
}
