package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Cell cluster: its settings, hosts and VMs. This is the document {@code cell check} reads.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ClusterSpec(
        @JsonProperty("name") String name,
        @JsonProperty("settings") ClusterSettings settings,
        @JsonProperty("hosts") List<HostSpec> hosts,
        @JsonProperty("vms") List<VmSpec> vms) {

    public ClusterSpec {
        name = name == null ? "cell" : name;
        settings = settings == null ? ClusterSettings.DEFAULTS : settings;
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        vms = vms == null ? List.of() : List.copyOf(vms);
    }

    public Optional<HostSpec> host(String hostName) {
        return hosts.stream().filter(h -> h.name().equals(hostName)).findFirst();
    }

    public Optional<VmSpec> vm(String vmName) {
        return vms.stream().filter(v -> v.name().equals(vmName)).findFirst();
    }

    /** The VMs placed on {@code hostName}, in spec order. */
    public List<VmSpec> vmsOn(String hostName) {
        List<VmSpec> placed = new ArrayList<>();
        for (VmSpec vm : vms) {
            if (hostName.equals(vm.host())) {
                placed.add(vm);
            }
        }
        return placed;
    }

    public ClusterSpec withVms(List<VmSpec> newVms) {
        return new ClusterSpec(name, settings, hosts, newVms);
    }

    public ClusterSpec withHosts(List<HostSpec> newHosts) {
        return new ClusterSpec(name, settings, newHosts, vms);
    }

    public ClusterSpec withSettings(ClusterSettings newSettings) {
        return new ClusterSpec(name, newSettings, hosts, vms);
    }
}
