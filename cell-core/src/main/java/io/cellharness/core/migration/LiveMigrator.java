package io.cellharness.core.migration;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.network.NetworkFabric;
import io.cellharness.core.port.Hypervisors;
import io.cellharness.core.port.MigrationResult;
import io.cellharness.core.port.OpResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs a live migration the way the manager does: plan it first (CPU eligibility, room, network: a refusal copies
 * nothing, C-06/G-04), then ask the source's hypervisor to migrate to the target on the management network's
 * migration port (G-02).
 */
public final class LiveMigrator {

    /** How a migration ended. */
    public sealed interface Outcome {
        /** Refused before anything was copied. */
        record Refused(MigrationPlan.Refused plan) implements Outcome {
        }

        /** Asked of the hypervisor; {@code result} is its answer (ok, failed or unknown). */
        record Ran(MigrationPlan.Ready plan, OpResult<MigrationResult> result) implements Outcome {
        }
    }

    private final Hypervisors hypervisors;

    public LiveMigrator(Hypervisors hypervisors) {
        this.hypervisors = hypervisors;
    }

    /**
     * @param cluster  the cluster with every VM's current host
     * @param network  the network as it is now, or null to derive it from the specification
     */
    public CompletionStage<Outcome> migrate(ClusterSpec cluster, String vm, String target, MigrationOptions options,
                                            NetworkFabric network) {
        MigrationPlan plan = MigrationPlanner.plan(cluster, vm, target, options, network, null);
        if (plan instanceof MigrationPlan.Refused refused) {
            return CompletableFuture.completedFuture(new Outcome.Refused(refused));
        }
        MigrationPlan.Ready ready = (MigrationPlan.Ready) plan;
        return hypervisors.of(ready.source()).migrate(ready.request()).thenApply(r -> new Outcome.Ran(ready, r));
    }
}
