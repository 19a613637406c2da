package io.cellharness.core.port;

import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.VmSpec;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One host's hypervisor (libvirtd + qemu-kvm, A-01). Every operation completes on the engine's scheduler with an
 * {@link OpResult}; an operation on a hung or unreachable daemon completes {@link OpResult.Unknown}.
 */
public interface Hypervisor {

    /** The host this hypervisor runs on. */
    String host();

    /** Whether the connection to the daemon is alive (H-01). */
    CompletionStage<OpResult<Void>> ping();

    /** Defines (persistently) a domain from a VM specification. */
    CompletionStage<OpResult<Void>> define(VmSpec vm);

    /** Removes a domain's persistent definition; a running domain keeps running until stopped. */
    CompletionStage<OpResult<Void>> undefine(String vm);

    CompletionStage<OpResult<Void>> start(String vm);

    /** Asks the guest to shut down (ACPI); completes when the request is delivered, not when the guest is off. */
    CompletionStage<OpResult<Void>> shutdown(String vm);

    /** Stops a domain at once (power cut of the guest). */
    CompletionStage<OpResult<Void>> destroy(String vm);

    CompletionStage<OpResult<Void>> suspend(String vm);

    CompletionStage<OpResult<Void>> resume(String vm);

    /** Live-migrates a running domain to {@code request.targetHost()} (G-01 … G-05). */
    CompletionStage<OpResult<MigrationResult>> migrate(MigrationRequest request);

    /** Every domain this hypervisor knows, active or defined, sorted by name. */
    CompletionStage<OpResult<List<DomainInfo>>> list();

    CompletionStage<OpResult<DomainInfo>> domain(String vm);

    CompletionStage<OpResult<HostCapabilities>> capabilities();

    /** Whether this host can run {@code cpu} (C-02 … C-06). */
    CompletionStage<OpResult<CpuComparison>> compareCpu(CpuSpec cpu);

    /** The lowest common CPU of {@code cpus} (C-04). */
    CompletionStage<OpResult<CpuSpec>> baselineCpu(List<CpuSpec> cpus);

    /** Lifecycle events of this host's domains, delivered on the engine's scheduler. */
    Subscription onLifecycleEvent(Consumer<LifecycleEvent> listener);
}
