package io.cellharness.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.port.HypervisorContract;
import io.cellharness.core.port.OpResult;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The generic contract in libvirt's worlds (test driver, real daemons): real threads, so waiting has a bound and the
 * engine is {@link EngineThread}; plus what libvirt adds to a refusal, its error code.
 */
abstract class LibvirtHypervisorContract extends HypervisorContract {

    @Override
    protected <T> OpResult<T> await(CompletionStage<OpResult<T>> operation) {
        return Completions.await(operation);
    }

    @Override
    protected void awaitUntil(BooleanSupplier condition, Supplier<String> state) {
        Completions.awaitUntil(condition, state);
    }

    @Override
    protected boolean onEngine() {
        return EngineThread.isCurrent();
    }

    @Override
    protected <T> T whileEngineBusy(Supplier<T> action) {
        CountDownLatch release;
        try {
            release = EngineThread.block();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        try {
            return action.get();
        } finally {
            release.countDown();
        }
    }

    @Test
    void anUnknownVmIsLibvirtsNoDomainError() {
        OpResult<Void> r = await(hypervisor().start("no-such-vm"));

        assertThat(r).isInstanceOf(OpResult.Failed.class);
        assertThat(r.reason()).contains("no-such-vm").contains("VIR_ERR_NO_DOMAIN");
    }
}
