package io.cellharness.core.ha;

import io.cellharness.core.migration.LiveMigrator;
import io.cellharness.core.migration.MigrationOptions;
import io.cellharness.core.network.NetworkFabric;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The Cell policy: {@link HaManager} as an {@link HaEngine}, unchanged. */
public final class CellHaEngine implements HaEngine {

    private final HaManager manager;

    public CellHaEngine(HaManager manager) {
        this.manager = manager;
    }

    /** The wrapped manager, for callers that need more than the common role. */
    public HaManager manager() {
        return manager;
    }

    @Override
    public HaPolicy policy() {
        return HaPolicy.CELL;
    }

    @Override
    public void start() {
        manager.start();
    }

    @Override
    public void stop() {
        manager.stop();
    }

    @Override
    public HostHaState state(String host) {
        return manager.state(host);
    }

    @Override
    public Map<String, HostHaState> states() {
        return manager.states();
    }

    @Override
    public Optional<String> placementOf(String vm) {
        return manager.placementOf(vm);
    }

    @Override
    public List<String> homeless() {
        return manager.homeless();
    }

    @Override
    public CompletionStage<LiveMigrator.Outcome> migrate(String vm, String target, MigrationOptions options,
                                                         NetworkFabric network) {
        return manager.migrate(vm, target, options, network);
    }

    @Override
    public void disable(String host) {
        manager.disable(host);
    }
}
