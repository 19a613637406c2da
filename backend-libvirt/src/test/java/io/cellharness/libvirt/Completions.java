package io.cellharness.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.port.OpResult;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for a real libvirt: completions with a bound, and polling for what arrives later (events). */
final class Completions {

    private static final long COMPLETION_SECONDS = 120;
    private static final long POLL_SECONDS = 60;

    private Completions() {
    }

    static <T> OpResult<T> await(CompletionStage<OpResult<T>> stage) {
        try {
            return stage.toCompletableFuture().get(COMPLETION_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no completion: " + e, e);
        }
    }

    static <T> T ok(CompletionStage<OpResult<T>> stage) {
        OpResult<T> r = await(stage);
        assertThat(r).as("result").isInstanceOf(OpResult.Ok.class);
        return r.value();
    }

    /** Polls {@code condition} until it holds, or fails after a minute naming {@code state}. */
    static void awaitUntil(BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(POLL_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting; " + state.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
