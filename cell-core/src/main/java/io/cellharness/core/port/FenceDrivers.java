package io.cellharness.core.port;

import java.util.Optional;

/** The BMCs of a cluster, as the manager reaches them. */
@FunctionalInterface
public interface FenceDrivers {

    /** The fence driver of {@code host}, or empty when the host has no BMC (it is then ineligible for fencing). */
    Optional<FenceDriver> of(String host);
}
