package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A VM disk, described by storage type and volume; it always reaches the guest as a RAW block device (S-02).
 *
 * @param bus     virtio-blk (default), virtio-scsi or IDE
 * @param storage the storage type (S-01)
 * @param volume  the volume on that storage, e.g. {@code rbd/vm-1-root} or an iSCSI IQN with LUN
 * @param size    the volume size
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiskSpec(
        @JsonProperty("bus") DiskBus bus,
        @JsonProperty(value = "storage", required = true) StorageType storage,
        @JsonProperty(value = "volume", required = true) String volume,
        @JsonProperty(value = "size", required = true) Size size) {

    public DiskSpec {
        bus = bus == null ? DiskBus.VIRTIO_BLK : bus;
    }
}
