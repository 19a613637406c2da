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
 * @param systemVm      true for a system VM, the only kind that may attach to the host-only cloud0 (N-02); absent
 *                      (null) means a guest VM, see {@link #isSystemVm()}
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
        @JsonProperty("passthrough") PassthroughSpec passthrough,
        @JsonProperty("systemVm") Boolean systemVm) {

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

    /** A guest VM that is not a system VM; the form every caller used before N-02 needed {@code systemVm}. */
    public VmSpec(String name, Size memory, int vcpus, CpuMode cpuMode, OsType os, boolean guestAgent,
                  Boolean virtioDrivers, List<DiskSpec> disks, List<VmNicSpec> nics, GraphicsModel graphics, HaSpec ha,
                  TimeSync timeSync, String host, PassthroughSpec passthrough) {
        this(name, memory, vcpus, cpuMode, os, guestAgent, virtioDrivers, disks, nics, graphics, ha, timeSync, host,
                passthrough, null);
    }

    /** A minimal VM: the given name, memory and vCPUs, every other field at its default. */
    public static VmSpec of(String name, Size memory, int vcpus) {
        return new VmSpec(name, memory, vcpus, null, null, false, null, null, null, null, null, null, null, null);
    }

    /** N-02: whether this is a system VM (may attach to cloud0). */
    public boolean isSystemVm() {
        return Boolean.TRUE.equals(systemVm);
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
                timeSync, newHost, passthrough, systemVm);
    }

    public VmSpec withNics(List<VmNicSpec> newNics) {
        return new VmSpec(name, memory, vcpus, cpuMode, os, guestAgent, virtioDrivers, disks, newNics, graphics, ha,
                timeSync, host, passthrough, systemVm);
    }

    public VmSpec withDisks(List<DiskSpec> newDisks) {
        return new VmSpec(name, memory, vcpus, cpuMode, os, guestAgent, virtioDrivers, newDisks, nics, graphics, ha,
                timeSync, host, passthrough, systemVm);
    }

    public VmSpec withCpuMode(CpuMode newMode) {
        return new VmSpec(name, memory, vcpus, newMode, os, guestAgent, virtioDrivers, disks, nics, graphics, ha,
                timeSync, host, passthrough, systemVm);
    }

    public VmSpec withSystemVm(boolean newSystemVm) {
        return new VmSpec(name, memory, vcpus, cpuMode, os, guestAgent, virtioDrivers, disks, nics, graphics, ha,
                timeSync, host, passthrough, newSystemVm);
    }

    public VmSpec withHa(HaSpec newHa) {
        return new VmSpec(name, memory, vcpus, cpuMode, os, guestAgent, virtioDrivers, disks, nics, graphics, newHa,
                timeSync, host, passthrough, systemVm);
    }
}
