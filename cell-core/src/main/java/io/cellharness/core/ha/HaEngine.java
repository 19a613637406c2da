package io.cellharness.core.ha;

import io.cellharness.core.migration.LiveMigrator;
import io.cellharness.core.migration.MigrationOptions;
import io.cellharness.core.network.NetworkFabric;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The manager's HA role, whatever the policy ({@link HaPolicy}): what the world (the simulator, the real manager
 * daemon, scenarios) starts, asks and drives. Each policy reaches hosts only through the ports it is built with.
 */
public interface HaEngine {

    HaPolicy policy();

    void start();

    void stop();

    /** The manager's view of {@code host}, in the common vocabulary. */
    HostHaState state(String host);

    Map<String, HostHaState> states();

    /** The state as the policy itself names it (CloudStack: {@code Available}, {@code Fencing}, ...). */
    default String policyState(String host) {
        return state(host).name();
    }

    /** Where the manager believes {@code vm} runs. */
    Optional<String> placementOf(String vm);

    /** HA VMs waiting for a host. */
    List<String> homeless();

    /** An operator's live migration through the manager (G-01 … G-05). */
    CompletionStage<LiveMigrator.Outcome> migrate(String vm, String target, MigrationOptions options,
                                                  NetworkFabric network);

    /** HA is switched off for {@code host} by the operator. */
    void disable(String host);
}
