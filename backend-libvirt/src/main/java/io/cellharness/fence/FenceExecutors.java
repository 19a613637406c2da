package io.cellharness.fence;

import io.cellharness.core.port.OpResult;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The two executors of a fencing driver. Blocking work (an ipmitool process, Redfish HTTP exchanges) runs on
 * {@code blocking}, a bounded pool the caller owns and sizes; results are delivered on {@code engine}, the engine's
 * scheduler thread, because engine code is single-threaded in every backend (port contract). Tests may pass
 * {@code Runnable::run} for either.
 *
 * @param blocking where calls may block
 * @param engine   where returned stages complete
 */
public record FenceExecutors(Executor blocking, Executor engine) {

    public FenceExecutors {
        Objects.requireNonNull(blocking, "blocking");
        Objects.requireNonNull(engine, "engine");
    }

    /**
     * Runs {@code call} on the blocking executor and completes the result on the engine. A call that throws ends
     * unknown (it may have reached the BMC); a call the blocking executor refuses to start ends failed (it never ran).
     *
     * @param what the operation, for reasons, e.g. "chassis power off on BMC 10.0.0.5:623"
     */
    <T> CompletionStage<OpResult<T>> runBlocking(String what, Supplier<OpResult<T>> call) {
        CompletableFuture<OpResult<T>> done = new CompletableFuture<>();
        try {
            blocking.execute(() -> {
                OpResult<T> result;
                try {
                    result = call.get();
                } catch (RuntimeException unexpected) {
                    result = OpResult.unknown(what + " ended in an unexpected error: " + unexpected);
                }
                deliver(done, result);
            });
        } catch (RejectedExecutionException rejected) {
            deliver(done, OpResult.failed(what + " was not started: the fencing executor refused it"));
        }
        return done;
    }

    /** Completes the outcome of an asynchronous call on the engine; an exceptional completion becomes unknown. */
    <T> CompletionStage<OpResult<T>> deliverOnEngine(String what, CompletionStage<OpResult<T>> call) {
        CompletableFuture<OpResult<T>> done = new CompletableFuture<>();
        call.whenComplete((result, error) -> deliver(done, error == null ? result
                : OpResult.unknown(what + " ended in an unexpected error: " + error)));
        return done;
    }

    private <T> void deliver(CompletableFuture<OpResult<T>> done, OpResult<T> result) {
        try {
            engine.execute(() -> done.complete(result));
        } catch (RejectedExecutionException engineGone) {
            // The engine has shut down; completing here at least never leaves a caller waiting forever.
            done.complete(result);
        }
    }
}
