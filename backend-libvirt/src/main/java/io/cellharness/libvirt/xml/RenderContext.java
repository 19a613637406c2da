package io.cellharness.libvirt.xml;

import io.cellharness.core.model.CpuSpec;
import java.util.List;

/**
 * What a domain definition needs beyond the {@link io.cellharness.core.model.VmSpec}: facts of the host and of the
 * storage path that the engine decides elsewhere.
 *
 * @param domainType    {@code kvm} on Cell hosts, {@code qemu} (TCG) without /dev/kvm
 * @param emulator      the QEMU binary
 * @param machine       the machine family, or null to let the renderer choose (q35 above 255 vCPUs, else i440fx)
 * @param customCpu     the CPU for {@code custom} mode: the cluster baseline (C-04); required only for that mode
 * @param glueMonitors  Glue (Ceph) monitors, {@code host} or {@code host:port}, in the order the storage path
 *                      selector chose: local controller first (S-04), then the next nearest (S-05)
 * @param cephUser      the Ceph client name for RBD disks
 * @param cephSecretUuid the UUID of the libvirt secret holding that client's key (never the key itself)
 * @param iscsiPortal   the iSCSI portal, {@code host} or {@code host:port}, for iSCSI disks (QEMU's initiator logs
 *                      in through one portal; libvirt's schema allows one host)
 */
public record RenderContext(DomainType domainType, String emulator, MachineType machine, CpuSpec customCpu,
                            List<String> glueMonitors, String cephUser, String cephSecretUuid,
                            String iscsiPortal) {

    public static final String DEFAULT_EMULATOR = "/usr/bin/qemu-system-x86_64";
    public static final String DEFAULT_CEPH_USER = "cell";

    public RenderContext {
        domainType = domainType == null ? DomainType.KVM : domainType;
        emulator = emulator == null ? DEFAULT_EMULATOR : emulator;
        glueMonitors = glueMonitors == null ? List.of() : List.copyOf(glueMonitors);
        cephUser = cephUser == null ? DEFAULT_CEPH_USER : cephUser;
    }

    /** A Cell host: KVM, the default emulator, the machine chosen per VM, no storage endpoints. */
    public static RenderContext kvm() {
        return new RenderContext(DomainType.KVM, null, null, null, null, null, null, null);
    }

    /** A host without /dev/kvm (QEMU under TCG), otherwise as {@link #kvm()}. */
    public static RenderContext tcg() {
        return kvm().withDomainType(DomainType.QEMU);
    }

    public RenderContext withDomainType(DomainType type) {
        return new RenderContext(type, emulator, machine, customCpu, glueMonitors, cephUser, cephSecretUuid,
                iscsiPortal);
    }

    public RenderContext withMachine(MachineType newMachine) {
        return new RenderContext(domainType, emulator, newMachine, customCpu, glueMonitors, cephUser, cephSecretUuid,
                iscsiPortal);
    }

    public RenderContext withCustomCpu(CpuSpec cpu) {
        return new RenderContext(domainType, emulator, machine, cpu, glueMonitors, cephUser, cephSecretUuid,
                iscsiPortal);
    }

    /** The Glue monitors in path order (S-04/S-05) and the secret that authenticates to them. */
    public RenderContext withGlue(List<String> monitors, String secretUuid) {
        return new RenderContext(domainType, emulator, machine, customCpu, monitors, cephUser, secretUuid,
                iscsiPortal);
    }

    public RenderContext withIscsiPortal(String portal) {
        return new RenderContext(domainType, emulator, machine, customCpu, glueMonitors, cephUser, cephSecretUuid,
                portal);
    }
}
