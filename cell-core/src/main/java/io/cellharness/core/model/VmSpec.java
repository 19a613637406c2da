package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A guest VM.
 *
 * @param name          VM name, unique in the cluster
 * @param memory        guest memory (L-01)
 * @param vcpus         virtual CPUs (L-02)
 * @param cpuMode       CPU mode (C-01); host-model by default (C-03)
 * @param os            guest OS family; linux by default
 * @param guestAgent    whether the guest agent runs in the guest (T-01, P-03)
 * @param virtioDrivers whether the guest has virtio drivers installed (P-03; modern Linux has them)
 * @param disks         disks (L-04)
 * @param nics          NICs (L-03)
 * @param graphics      display device; none by default
 * @param ha            HA flag and restart priority (H-04)
 * @param timeSync      time-sync declaration (T-01); absent draws a warning
 * @param host          the host the VM is placed on, if placed
 * @param passthrough   host devices passed through whole (S-03)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record VmSpec(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "memory", required = true) Size memory,
        @JsonProperty(value = "vcpus", required = true) int vcpus,
        @JsonProperty("cpuMode") CpuMode cpuMode,
        @JsonProperty("os") OsType os,
        @JsonProperty("guestAgent") boolean guestAgent,
        @JsonProperty("virtioDrivers") Boolean virtioDrivers,
        @JsonProperty("disks") List<DiskSpec> disks,
        @JsonProperty("nics") List<VmNicSpec> nics,
        @JsonProperty("graphics") GraphicsModel graphics,
        @JsonProperty("ha") HaSpec ha,
        @JsonProperty("timeSync") TimeSync timeSync,
        @JsonProperty("host") String host,
        @JsonProperty("passthrough") PassthroughSpec passthrough) {

    public VmSpec {
        cpuMode = cpuMode == null ? CpuMode.HOST_MODEL : cpuMode;
        os = os == null ? OsType.LINUX : os;
        // Modern Linux distributions ship virtio drivers; Windows needs them installed (P-03).
        virtioDrivers = virtioDrivers == null ? os == OsType.LINUX : virtioDrivers;
        disks = disks == null ? List.of() : List.copyOf(disks);
        nics = nics == null ? List.of() : List.copyOf(nics);
        graphics = graphics == null ? GraphicsModel.NONE : graphics;
        ha = ha == null ? HaSpec.OFF : ha;
        passthrough = passthrough == null ? PassthroughSpec.NONE : passthrough;
    }

    /** A minimal VM: the given name, memory and vCPUs, every other field at its default. */
    public static VmSpec of(String name, Size memory, int vcpus) {
        return new VmSpec(name, memory, vcpus, null, null, false, null, null, null, null, null, null, null, null);
    }

    public boolean hasVirtioDrivers() {
        return virtioDrivers;
    }

    public long localDiskBytes() {
        long sum = 0;
        for (DiskSpec d : disks) {
            if (!d.storage().shared()) {
                sum += d.size().bytes();
            }
        }
        return sum;
    }

    public VmSpec withHost(String newHost) {
        return new VmSpec(name, memory, vcpus, cpuMode, os, guestAgent, virtioDrivers, disks, nics, graphics, ha,
                timeSync, newHost, passthrough);
    }

    public VmSpec withNics(List<VmNicSpec> newNics) {
        return new VmSpec(name, memory, vcpus, cpuMode, os, guestAgent, virtioDrivers, disks, newNics, graphics, ha,
                timeSync, host, passthrough);
    }

    public VmSpec withDisks(List<DiskSpec> newDisks) {
        return new VmSpec(name, memory, vcpus, cpuMode, os, guestAgent, virtioDrivers, newDisks, nics, graphics, ha,
                timeSync, host, passthrough);
    }

    public VmSpec withCpuMode(CpuMode newMode) {
        return new VmSpec(name, memory, vcpus, newMode, os, guestAgent, virtioDrivers, disks, nics, graphics, ha,
                timeSync, host, passthrough);
    }

    public VmSpec withHa(HaSpec newHa) {
        return new VmSpec(name, memory, vcpus, cpuMode, os, guestAgent, virtioDrivers, disks, nics, graphics, newHa,
                timeSync, host, passthrough);
    }
}
