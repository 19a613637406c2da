package io.cellharness.core.ha;

/**
 * What the HA engine tells the world about itself: every state transition, alert, fence and recovery. The simulator
 * traces these and checks its invariants against them; a production deployment logs them. Every method does nothing
 * by default, so an observer implements only what it watches.
 */
public interface HaObserver {

    default void transition(String host, HostHaState from, HostHaState to, String reason) {
    }

    default void alert(String host, String message) {
    }

    /**
     * The manager's evidence about {@code host} decided how it proceeds (a storage check extended for want of
     * completed reads, ...): for people reading the trace.
     */
    default void evidence(String host, String message) {
    }

    /** A neighbour reported {@code target} to the manager, with what it saw (H-03). */
    default void reported(String reporter, String target, String evidence) {
    }

    /** A power-off command is about to be sent to {@code host}'s BMC. */
    default void fenceIssued(String host, int attempt) {
    }

    /** {@code host} is known not to run its VMs any more, through {@code channel}. */
    default void fenced(String host, FenceChannel channel) {
    }

    /** The manager is about to start {@code vm}, last known on {@code fromHost}, on {@code toHost}. */
    default void restarting(String vm, String fromHost, String toHost, String reason) {
    }

    /** {@code vm} runs on {@code host} after a restart. */
    default void restarted(String vm, String host) {
    }

    /** {@code vm} fits no host now; it is tried again later (never dropped). */
    default void unplaceable(String vm, String reason) {
    }

    /** An observer that ignores everything. */
    HaObserver NONE = new HaObserver() {
    };
}
