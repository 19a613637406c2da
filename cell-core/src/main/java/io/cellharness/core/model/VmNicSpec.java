package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A VM NIC.
 *
 * @param mac     explicit MAC address, or absent to have one assigned (M-01)
 * @param network the bridge it attaches to; {@code br-VM} by default
 * @param vlan    VLAN ID, which puts it on {@code br-VM.<vlan>} (N-03); absent for untagged
 * @param model   virtio (default), e1000 or passthrough
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VmNicSpec(
        @JsonProperty("mac") String mac,
        @JsonProperty("network") String network,
        @JsonProperty("vlan") Integer vlan,
        @JsonProperty("model") NicModel model) {

    public static final String DEFAULT_NETWORK = "br-VM";

    public VmNicSpec {
        network = network == null ? DEFAULT_NETWORK : network;
        model = model == null ? NicModel.VIRTIO : model;
    }

    public VmNicSpec withMac(String newMac) {
        return new VmNicSpec(newMac, network, vlan, model);
    }

    /** The bridge this NIC's port is created on: {@code br-VM.101} for VLAN 101 (N-03). */
    public String bridge() {
        return vlan == null ? network : network + "." + vlan;
    }
}
