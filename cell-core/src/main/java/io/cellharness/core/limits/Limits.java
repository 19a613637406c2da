package io.cellharness.core.limits;

/**
 * The documented limits and defaults of the Cell hypervisor (SPEC.md), and the defaults this harness chose where the
 * documentation is silent. The catalogue ID each number comes from is named beside it.
 *
 * <p>Sizes are in bytes, durations in milliseconds of (virtual) time, shares as fractions of one.
 */
public final class Limits {

    private Limits() {
    }

    public static final long KIB = 1024L;
    public static final long MIB = 1024L * KIB;
    public static final long GIB = 1024L * MIB;
    public static final long TIB = 1024L * GIB;

    // ---- L: configuration limits (documentation, "하드웨어 구성 제한 사항") ----

    /** L-01: largest memory of one VM. */
    public static final long VM_MAX_MEMORY_BYTES = 16 * TIB;
    /** L-02: most vCPUs of one VM. */
    public static final int VM_MAX_VCPUS = 710;
    /** L-03: most NICs of one VM. */
    public static final int VM_MAX_NICS = 8;
    /** L-04: most IDE disks of one VM. */
    public static final int VM_MAX_IDE_DISKS = 4;
    /** L-04: most virtio disks (virtio-blk and virtio-scsi together) of one VM. */
    public static final int VM_MAX_VIRTIO_DISKS = 20;
    /** L-05: the vCPUs placed on a host add up to at most this many times its physical cores. */
    public static final int HOST_VCPU_PER_CORE_RATIO = 8;
    /** L-06: most physical cores of a supported host. */
    public static final int HOST_MAX_CORES = 4096;
    /** L-06: largest physical memory of a supported host. */
    public static final long HOST_MAX_MEMORY_BYTES = 16 * TIB;
    /**
     * libvirt/QEMU: the i440fx machine type (the only one with IDE) supports at most 255 vCPUs; more need q35 with an
     * interrupt-remapping IOMMU. Used to refuse IDE disks on VMs above this count (L-04 with L-02).
     */
    public static final int I440FX_MAX_VCPUS = 255;
    /** L-07: an overcommit factor of one means overcommit is off (the documented default). */
    public static final double OVERCOMMIT_OFF = 1.0;

    // ---- M: MAC addresses ----

    /**
     * M-01: the locally administered prefix of every MAC the manager assigns (0x02: locally administered, unicast).
     * The last three octets are drawn; the prefix gives 2^24 addresses per cluster.
     */
    public static final long MAC_ASSIGNED_PREFIX = 0x02CE11L;

    // ---- P: expected performance relative to bare metal, in percent (documentation, "성능 제한") ----

    /** P-01: CPU/MMU under full emulation. */
    public static final int PERF_CPU_FULL_EMULATION = 7;
    /** P-01: CPU/MMU with host passthrough on Intel or AMD. */
    public static final int PERF_CPU_PASSTHROUGH_X86 = 97;
    /** P-01: CPU/MMU with host passthrough on ARM. */
    public static final int PERF_CPU_PASSTHROUGH_ARM = 85;
    /** P-01: network I/O with e1000 emulation. */
    public static final int PERF_NET_E1000 = 60;
    /** P-01: network I/O with virtio-net. */
    public static final int PERF_NET_VIRTIO = 75;
    /** P-01: network I/O with passthrough. */
    public static final int PERF_NET_PASSTHROUGH = 95;
    /** P-01: disk I/O with IDE emulation. */
    public static final int PERF_DISK_IDE = 40;
    /** P-01: disk I/O with virtio-blk (the paravirtual column; virtio-scsi is reported with it). */
    public static final int PERF_DISK_VIRTIO = 85;
    /** P-01: disk I/O with passthrough. */
    public static final int PERF_DISK_PASSTHROUGH = 95;
    /** P-01: unaccelerated graphics with Cirrus. */
    public static final int PERF_GRAPHICS_CIRRUS = 50;
    /** P-01: unaccelerated graphics with virtio-gpu. */
    public static final int PERF_GRAPHICS_VIRTIO = 85;
    /** P-01: graphics passthrough. */
    public static final int PERF_GRAPHICS_PASSTHROUGH = 95;

    // ---- N: networking ----

    /** N-03: lowest usable VLAN ID (802.1Q). */
    public static final int VLAN_MIN = 1;
    /** N-03: highest usable VLAN ID (802.1Q). */
    public static final int VLAN_MAX = 4094;

    // ---- G: live migration ----

    /** G-02: the TCP port of migration traffic on the management network. */
    public static final int MIGRATION_PORT = 49152;

    // ---- A: libvirt backend (A-01) ----

    /** A-01, H-01: seconds between keepalive probes on a remote libvirt connection. */
    public static final int LIBVIRT_KEEPALIVE_INTERVAL_SECONDS = 5;
    /** A-01, H-01: unanswered keepalive probes after which libvirt closes the connection as dead. */
    public static final int LIBVIRT_KEEPALIVE_COUNT = 3;
    /** how long one libvirt call may take before its outcome is reported unknown. */
    public static final long LIBVIRT_CALL_TIMEOUT_MILLIS = 30_000;
    /** G-01, G-03: how long a live migration may take before its outcome is reported unknown. */
    public static final long LIBVIRT_MIGRATION_TIMEOUT_MILLIS = 600_000;
    /** G-01: how often the progress of a running migration job is read. */
    public static final long LIBVIRT_MIGRATION_PROGRESS_MILLIS = 250;
    /** pause between attempts to reopen a libvirt connection after the daemon went away. */
    public static final long LIBVIRT_RECONNECT_DELAY_MILLIS = 1_000;
    /** libvirt calls one host's backend runs at once (libvirt calls block). */
    public static final int LIBVIRT_CALL_THREADS = 4;
    /** libvirt calls that may wait for a thread before new ones are refused. */
    public static final int LIBVIRT_CALL_QUEUE = 64;
}
