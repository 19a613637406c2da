package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Glue storage controller VM of an HCI host (S-03, S-04): the address of its monitor daemon, which VMs on this
 * host use as their local I/O path.
 *
 * @param monitor monitor address, {@code host:port}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StorageControllerSpec(@JsonProperty(value = "monitor", required = true) String monitor) {
}
