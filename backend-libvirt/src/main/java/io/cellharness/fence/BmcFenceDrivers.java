package io.cellharness.fence;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.port.FenceDriver;
import io.cellharness.core.port.FenceDrivers;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PowerState;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/**
 * The engine's {@link FenceDrivers} port on real BMCs: one driver per host of a cluster that has a BMC, built when the
 * manager starts (so a missing password or a malformed address stops it at start-up, naming the host, rather than at
 * the first fence). Every failed or unknown reason names the host it is about.
 */
public final class BmcFenceDrivers implements FenceDrivers {

    private final Map<String, FenceDriver> drivers;

    private BmcFenceDrivers(Map<String, FenceDriver> drivers) {
        this.drivers = drivers;
    }

    /**
     * The drivers of every host of {@code cluster} with a {@code bmc}.
     *
     * @throws IllegalArgumentException naming the host when a BMC cannot be driven (credentials, address)
     */
    public static BmcFenceDrivers of(ClusterSpec cluster, BmcDriverFactory factory) {
        Objects.requireNonNull(factory, "factory");
        Map<String, FenceDriver> drivers = new TreeMap<>();
        for (HostSpec host : cluster.hosts()) {
            if (host.bmc() != null) {
                drivers.put(host.name(), new HostNamed(factory.forHost(host)));
            }
        }
        return new BmcFenceDrivers(drivers);
    }

    @Override
    public Optional<FenceDriver> of(String host) {
        return Optional.ofNullable(drivers.get(host));
    }

    /** Prefixes a reason with its host unless the driver already named it, so a log line says whose BMC it was. */
    private record HostNamed(FenceDriver driver) implements FenceDriver {

        @Override
        public String host() {
            return driver.host();
        }

        @Override
        public CompletionStage<OpResult<Void>> powerOff() {
            return driver.powerOff().thenApply(this::named);
        }

        @Override
        public CompletionStage<OpResult<Void>> powerOn() {
            return driver.powerOn().thenApply(this::named);
        }

        @Override
        public CompletionStage<OpResult<Void>> reset() {
            return driver.reset().thenApply(this::named);
        }

        @Override
        public CompletionStage<OpResult<PowerState>> powerStatus() {
            return driver.powerStatus().thenApply(this::named);
        }

        private <T> OpResult<T> named(OpResult<T> result) {
            String tag = "host " + driver.host();
            if (result.isOk() || result.reason().contains(tag)) {
                return result;
            }
            return result instanceof OpResult.Failed<T> f ? OpResult.failed(tag + ": " + f.reason())
                    : OpResult.unknown(tag + ": " + result.reason());
        }

        @Override
        public String toString() {
            return driver.toString();
        }
    }
}
