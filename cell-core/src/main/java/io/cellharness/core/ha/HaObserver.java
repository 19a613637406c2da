package io.cellharness.core.ha;

/**
 * What the HA engine tells the world about itself: every state transition, alert, fence and recovery. The simulator
 * traces these and checks its invariants against them; a production deployment logs them.
 */
public interface HaObserver {

    void transition(String host, HostHaState from, HostHaState to, String reason);

    void alert(String host, String message);

    /** A neighbour reported {@code target} to the manager, with what it saw (H-03). */
    void reported(String reporter, String target, String evidence);

    /** A power-off command is about to be sent to {@code host}'s BMC. */
    void fenceIssued(String host, int attempt);

    /** {@code host} is known not to run its VMs any more, through {@code channel}. */
    void fenced(String host, FenceChannel channel);

    /** The manager is about to start {@code vm}, last known on {@code fromHost}, on {@code toHost}. */
    void restarting(String vm, String fromHost, String toHost, String reason);

    /** {@code vm} runs on {@code host} after a restart. */
    void restarted(String vm, String host);

    /** {@code vm} fits no host now; it is tried again later (never dropped). */
    void unplaceable(String vm, String reason);

    /** An observer that ignores everything. */
    HaObserver NONE = new HaObserver() {
        @Override
        public void transition(String host, HostHaState from, HostHaState to, String reason) {
        }

        @Override
        public void alert(String host, String message) {
        }

        @Override
        public void reported(String reporter, String target, String evidence) {
        }

        @Override
        public void fenceIssued(String host, int attempt) {
        }

        @Override
        public void fenced(String host, FenceChannel channel) {
        }

        @Override
        public void restarting(String vm, String fromHost, String toHost, String reason) {
        }

        @Override
        public void restarted(String vm, String host) {
        }

        @Override
        public void unplaceable(String vm, String reason) {
        }
    };
}
