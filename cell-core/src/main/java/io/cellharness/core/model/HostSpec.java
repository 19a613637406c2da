package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A Cube host running the Cell hypervisor.
 *
 * @param name              host name, unique in the cluster
 * @param cores             physical cores (L-05, L-06)
 * @param memory            physical memory (L-06, L-07)
 * @param disk              local capacity for VM volumes, if disk capacity is accounted on this host (L-07)
 * @param cpu               the host CPU (C rules)
 * @param bmc               its BMC, for fencing (H-04); absent means the host cannot be fenced
 * @param storageController its Glue storage controller (S-04), if it is an HCI host
 * @param nics              physical NICs
 * @param bonds             bonds of those NICs
 * @param switchLacp        whether the switch the host's NICs plug into supports 802.3ad link aggregation (N-07);
 *                          absent (null) means it does, see {@link #switchSupportsLacp()}
 * @param kvm               A-04: whether the host offers hardware-assisted virtualisation ({@code /dev/kvm}, VT-x or
 *                          AMD-V), so its guests are {@code kvm} domains; {@code false} means its guests can only run
 *                          as {@code qemu} (TCG) emulation, fit for a test lab, not production. Absent means it does.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HostSpec(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "cores", required = true) int cores,
        @JsonProperty(value = "memory", required = true) Size memory,
        @JsonProperty("disk") Size disk,
        @JsonProperty("cpu") CpuSpec cpu,
        @JsonProperty("bmc") BmcSpec bmc,
        @JsonProperty("storageController") StorageControllerSpec storageController,
        @JsonProperty("nics") List<HostNicSpec> nics,
        @JsonProperty("bonds") List<BondSpec> bonds,
        @JsonProperty("switchLacp") Boolean switchLacp,
        @JsonProperty("kvm") Boolean kvm) {

    public HostSpec {
        nics = nics == null ? List.of() : List.copyOf(nics);
        bonds = bonds == null ? List.of() : List.copyOf(bonds);
    }

    /** A host whose switch supports LACP; the form every caller used before N-07 needed {@code switchLacp}. */
    public HostSpec(String name, int cores, Size memory, Size disk, CpuSpec cpu, BmcSpec bmc,
                    StorageControllerSpec storageController, List<HostNicSpec> nics, List<BondSpec> bonds) {
        this(name, cores, memory, disk, cpu, bmc, storageController, nics, bonds, null, null);
    }

    /** A host with hardware virtualisation; the form every caller used before A-04 needed {@code kvm}. */
    public HostSpec(String name, int cores, Size memory, Size disk, CpuSpec cpu, BmcSpec bmc,
                    StorageControllerSpec storageController, List<HostNicSpec> nics, List<BondSpec> bonds,
                    Boolean switchLacp) {
        this(name, cores, memory, disk, cpu, bmc, storageController, nics, bonds, switchLacp, null);
    }

    /** whether this host runs {@code kvm} guests; hosts have hardware virtualisation unless stated. */
    public boolean hasKvm() {
        return kvm == null || kvm;
    }

    public HostSpec withKvm(boolean hardwareVirtualisation) {
        return new HostSpec(name, cores, memory, disk, cpu, bmc, storageController, nics, bonds, switchLacp,
                hardwareVirtualisation);
    }

    /** N-07: whether an 802.3ad bond of this host finds an LACP partner; switches support it unless stated. */
    public boolean switchSupportsLacp() {
        return switchLacp == null || switchLacp;
    }

    public HostSpec withCpu(CpuSpec newCpu) {
        return new HostSpec(name, cores, memory, disk, newCpu, bmc, storageController, nics, bonds, switchLacp, kvm);
    }

    public HostSpec withNetwork(List<HostNicSpec> newNics, List<BondSpec> newBonds) {
        return new HostSpec(name, cores, memory, disk, cpu, bmc, storageController, newNics, newBonds, switchLacp, kvm);
    }

    public HostSpec withSwitchLacp(boolean supported) {
        return new HostSpec(name, cores, memory, disk, cpu, bmc, storageController, nics, bonds, supported, kvm);
    }
}
