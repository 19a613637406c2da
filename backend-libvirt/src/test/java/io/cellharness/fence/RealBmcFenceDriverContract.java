package io.cellharness.fence;

import io.cellharness.core.model.BmcKind;
import io.cellharness.core.model.BmcSpec;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.port.CredentialedFenceDriverContract;
import io.cellharness.core.port.FenceDriver;
import io.cellharness.core.port.OpResult;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The fence driver contract on a real BMC protocol, through the engine's port ({@link BmcFenceDrivers}): three hosts
 * of one cluster file, {@code node1} with the right password, {@code node2} with a wrong one on the same BMC, and
 * {@code node3} at an address where no BMC answers. Each protocol's test supplies the BMC and the factory.
 */
abstract class RealBmcFenceDriverContract extends CredentialedFenceDriverContract {

    /** The environment variable holding the right password in {@link #drivers}' cluster, and the wrong one's. */
    static final String GOOD = "GOOD";
    static final String WRONG_ENV = "WRONG";

    private BmcFenceDrivers drivers;

    /** Builds the three hosts' drivers for one test. */
    final void useBmcs(String cluster, BmcKind kind, String username, String address, String unreachableAddress,
                       BmcDriverFactory factory) {
        drivers = BmcFenceDrivers.of(new ClusterSpec(cluster, null, List.of(
                host("node1", new BmcSpec(address, kind, username, GOOD)),
                host("node2", new BmcSpec(address, kind, username, WRONG_ENV)),
                host("node3", new BmcSpec(unreachableAddress, kind, username, GOOD))), List.of()), factory);
    }

    private static HostSpec host(String name, BmcSpec bmc) {
        return new HostSpec(name, 16, Size.ofGiB(64), null, null, bmc, null, null, null);
    }

    @Override
    protected final FenceDriver driver() {
        return drivers.of("node1").orElseThrow();
    }

    @Override
    protected final FenceDriver unreachableDriver() {
        return drivers.of("node3").orElseThrow();
    }

    @Override
    protected final FenceDriver driverWithWrongPassword() {
        return drivers.of("node2").orElseThrow();
    }

    @Override
    protected final <T> OpResult<T> await(CompletionStage<OpResult<T>> operation) {
        try {
            return operation.toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no outcome within 60 s: " + e, e);
        }
    }
}
