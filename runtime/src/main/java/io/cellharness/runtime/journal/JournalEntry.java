package io.cellharness.runtime.journal;

/**
 * One journaled decision.
 *
 * @param seq    position in the journal, from 1
 * @param kind   what was decided
 * @param host   the host it is about (empty when none)
 * @param vm     the VM it is about (empty when none)
 * @param detail the rest, one line (a state, a reason, a channel)
 */
public record JournalEntry(long seq, Kind kind, String host, String vm, String detail) {

    /** The decisions the manager journals. */
    public enum Kind {
        /** A host's HA state changed; detail is {@code FROM->TO: reason}. */
        HOST_STATE,
        /** A fence was issued; detail is the attempt. */
        FENCE_ISSUED,
        /** A fence was confirmed; detail is the channel. */
        FENCED,
        /** A VM is being started on {@code host}; detail is where from and why. */
        RESTARTING,
        /** A VM runs again on {@code host}. */
        RESTARTED,
        /** A VM cannot be placed now. */
        UNPLACEABLE,
        /** A restarted manager read a fence in flight back from the BMC; detail is the answer. */
        FENCE_READ_BACK,
        /** A restarted manager asked about a VM in doubt; detail is the answer. */
        IN_DOUBT_RESOLVED
    }
}
