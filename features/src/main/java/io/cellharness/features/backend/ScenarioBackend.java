package io.cellharness.features.backend;

import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.port.Hypervisor;
import io.cellharness.core.port.OpResult;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The hosts a scenario talks to, through the core's ports, on one backend; and how the backend lets a scenario look
 * at what a host's hypervisor holds. Where the two backends observe a behaviour differently (a definition read back
 * from libvirt's XML, or from the simulated libvirtd's domain), the difference lives in the implementation, never in a
 * step.
 */
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

    /**
     * The definition of {@code vm} as the hypervisor of {@code host} holds it now, read back.
     *
     * @throws AssertionError when the host holds no such VM
     */
    DefinedVm definition(String host, String vm);

    /** The ports of the VMs running on {@code host}, ordered by their number {@code N} of {@code vnet<N>} (N-04). */
    List<VmPort> ports(String host);

    /**
     * The most vCPUs one VM may have on {@code host}: L-02's 710, or fewer where the hypervisor's largest machine type
     * runs fewer (QEMU before 8.1 runs at most 288 on q35).
     */
    int maxVcpus(String host);

    /**
     * C-04: custom-mode VMs this scenario defines from now on run {@code baseline}, the cluster baseline the engine
     * computed through a hypervisor's {@link Hypervisor#baselineCpu}.
     */
    void useBaselineCpu(CpuSpec baseline);

    /** Starts watching the migration streams that arrive at {@code target} (G-02). */
    MigrationWatch watchMigrations(String target);

    @Override
    void close();
}
