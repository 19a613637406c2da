package io.cellharness.sim.world;

import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.Scheduler;
import io.cellharness.sim.Simulation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The answer a simulated client waits for: the first of the reply and the client's timeout wins. A reply cancels the
 * timeout (it would otherwise fire, for nothing, once per call); a timeout completes the call
 * {@link OpResult.Unknown}, because the request may still have taken effect. The answer reaches the calling process
 * only while it lives.
 */
final class PendingReply<T> {

    private final ProcessScope caller;
    private final CompletableFuture<OpResult<T>> future = new CompletableFuture<>();
    private final Scheduler.Cancellable timeout;
    private boolean done;

    /** Starts waiting; after {@code timeoutMillis} the call is unknown with {@code unknownReason}. */
    PendingReply(Simulation sim, ProcessScope caller, long timeoutMillis, String label, String unknownReason) {
        this.caller = caller;
        this.timeout = sim.after(timeoutMillis, label, () -> finish(OpResult.unknown(unknownReason)));
    }

    /** Delivers the reply, unless the timeout (or an earlier reply) already answered. */
    void reply(OpResult<T> result) {
        timeout.cancel();
        finish(result);
    }

    private void finish(OpResult<T> result) {
        if (!done) {
            done = true;
            caller.complete(future, result);
        }
    }

    /** Whether nothing has answered yet. */
    boolean open() {
        return !done;
    }

    CompletionStage<OpResult<T>> stage() {
        return future;
    }
}
