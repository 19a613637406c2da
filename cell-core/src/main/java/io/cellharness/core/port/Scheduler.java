package io.cellharness.core.port;

/**
 * Runs engine actions later. In the simulator an action is an event in the one queue, ordered by
 * (virtual time, sequence number); in production a single-threaded executor. Actions never run concurrently.
 */
public interface Scheduler {

    /** A scheduled action that can be called off. */
    interface Cancellable {
        /** Cancels the action if it has not run; idempotent. */
        void cancel();

        boolean isCancelled();
    }

    /**
     * Runs {@code action} at {@code timeMillis} (now, if that is past).
     *
     * @param label what the action is, for traces
     */
    Cancellable at(long timeMillis, String label, Runnable action);

    /** Runs {@code action} {@code delayMillis} from now. */
    Cancellable after(long delayMillis, String label, Runnable action);

    /** Runs {@code action} every {@code periodMillis}, first after {@code initialDelayMillis}, until cancelled. */
    Cancellable periodic(long initialDelayMillis, long periodMillis, String label, Runnable action);

    /** Runs {@code action} as soon as possible, after what is already due now. */
    default Cancellable execute(String label, Runnable action) {
        return after(0, label, action);
    }
}
