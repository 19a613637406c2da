package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Glue storage controller VM of an HCI host (S-03, S-04): the address of its monitor daemon, which VMs on this
 * host use as their local I/O path. A Glue cluster runs 3 or 5 monitors whatever its size, so on the other hosts the
 * controller runs no monitor ({@code storageController: {}}) and their VMs use the nearest one (S-04).
 *
 * @param monitor monitor address, {@code host:port}; absent when this controller runs no monitor
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StorageControllerSpec(@JsonProperty("monitor") String monitor) {

    /** A controller that runs no monitor (S-04). */
    public static final StorageControllerSpec WITHOUT_MONITOR = new StorageControllerSpec(null);

    /** A controller that runs no monitor (S-04): {@link #WITHOUT_MONITOR}. */
    public static StorageControllerSpec withoutMonitor() {
        return WITHOUT_MONITOR;
    }

    /** S-04: whether this controller runs a Glue monitor. */
    public boolean runsMonitor() {
        return monitor != null;
    }
}
