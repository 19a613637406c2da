package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Glue storage controller VM of an HCI host (S-03, S-04): the address of its monitor daemon, which VMs on this
 * host use as their local I/O path. A cluster runs 3 or 5 monitors whatever its size (S-04), so most controllers of a
 * large cluster run none: theirs is written {@code storageController: {}}, and their host's VMs use the nearest
 * monitor.
 *
 * @param monitor monitor address, {@code host:port}; absent when this controller runs no monitor
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StorageControllerSpec(@JsonProperty("monitor") String monitor) {

    /** A controller that runs no monitor (S-04). */
    public static StorageControllerSpec withoutMonitor() {
        return new StorageControllerSpec(null);
    }

    /** Whether this controller runs a Glue monitor. */
    public boolean runsMonitor() {
        return monitor != null;
    }
}
