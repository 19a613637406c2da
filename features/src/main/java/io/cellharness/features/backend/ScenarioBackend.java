package io.cellharness.features.backend;

import io.cellharness.core.port.Hypervisor;
import io.cellharness.core.port.OpResult;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The hosts a scenario talks to, through the core's ports, on one backend. */
public interface ScenarioBackend extends AutoCloseable {

    /** {@code sim} or {@code libvirt}. */
    String name();

    /** The hosts this backend offers, sorted. */
    List<String> hosts();

    /** The hypervisor of {@code host}, as the manager reaches it. */
    Hypervisor hypervisor(String host);

    /**
     * Waits for an operation: the simulator runs virtual time until it completes; a real backend waits (bounded) for
     * the answer.
     */
    <T> OpResult<T> await(CompletionStage<OpResult<T>> operation);

    @Override
    void close();
}
