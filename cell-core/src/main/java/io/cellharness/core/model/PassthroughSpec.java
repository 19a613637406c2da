package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Host devices handed to a VM whole (S-03): the HCI storage controller VM receives a SCSI controller (by PCI address,
 * e.g. {@code 0000:3b:00.0}) or single host disks by LUN passthrough (e.g. {@code /dev/disk/by-id/wwn-0x5000c500a1b2c3d4}).
 * The hypervisor never manages these disks.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PassthroughSpec(
        @JsonProperty("scsiControllers") List<String> scsiControllers,
        @JsonProperty("luns") List<String> luns) {

    public static final PassthroughSpec NONE = new PassthroughSpec(List.of(), List.of());

    public PassthroughSpec {
        scsiControllers = scsiControllers == null ? List.of() : List.copyOf(scsiControllers);
        luns = luns == null ? List.of() : List.copyOf(luns);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return scsiControllers.isEmpty() && luns.isEmpty();
    }
}
