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

    // ---- S: storage ----

    /** S-07: how often each host probes every Glue monitor (default; a setting of {@code MonitorSettings}). */
    public static final long MONITOR_PROBE_PERIOD_MILLIS = 2_000;
    /** S-07: consecutive missed probes after which a monitor is declared down (default). */
    public static final int MONITOR_MISS_THRESHOLD = 3;
    /** S-05: a probe not answered within this time is missed (default; shorter than the probe period). */
    public static final long MONITOR_PROBE_TIMEOUT_MILLIS = 1_000;
    /**
     * S-09: the damping window (default): a monitor declared down within this time of the path returning to it is
     * flapping (a repeat), and each whole window it then answers every probe takes one repeat off.
     */
    public static final long MONITOR_DAMPING_WINDOW_MILLIS = 60_000;
    /** S-09: after one repeat, how long a flapping monitor must answer every probe before the next failback (default). */
    public static final long MONITOR_DAMPING_FIRST_HOLD_MILLIS = 10_000;
    /** S-09: the bound of that hold, which doubles with each further repeat (default). */
    public static final long MONITOR_DAMPING_MAX_HOLD_MILLIS = 80_000;
    /**
     * S-05: the guest's disk command timeout (Linux SCSI default, {@code /sys/block/sdX/device/timeout}). A failover
     * stall bound (period x misses + timeout) must stay below it, so no I/O error reaches the guest.
     */
    public static final long GUEST_IO_TIMEOUT_MILLIS = 30_000;
    /** S-01: the iSCSI target port when a portal names none (RFC 7143). */
    public static final int ISCSI_DEFAULT_PORT = 3260;
    /** S-01: the longest iSCSI name, in bytes (RFC 7143). */
    public static final int ISCSI_NAME_MAX_BYTES = 223;
    /** S-01: the highest iSCSI LUN a volume may name (SAM flat addressing, 14 bits). */
    public static final int ISCSI_MAX_LUN = 16_383;
    /** S-01: the NVMe/TCP port when a portal names none (NVMe-oF TCP transport). */
    public static final int NVME_TCP_DEFAULT_PORT = 4420;
    /** S-01: the longest NVMe qualified name, in bytes (NVMe base specification). */
    public static final int NVME_NQN_MAX_BYTES = 223;
    /** S-01: the NFS server port when a volume names none. */
    public static final int NFS_DEFAULT_PORT = 2049;
    /** S-01: the longest LINSTOR resource name. */
    public static final int LINSTOR_NAME_MAX_LENGTH = 48;
    /** S-01: the highest DRBD volume number within a LINSTOR resource. */
    public static final int LINSTOR_MAX_VOLUME_NUMBER = 65_534;
    /** S-01: the longest Glue (Ceph) pool or RBD image name this harness accepts. */
    public static final int GLUE_NAME_MAX_LENGTH = 255;

    // ---- H: fencing drivers ----
    // Real (wall-clock) milliseconds: these bound calls to a real BMC, never the simulator's virtual time.

    /**
     * H-09: ipmitool's own per-message timeout ({@code -N}, seconds) for one IPMI LAN request before it retries.
     * A BMC on the management network answers in well under a second.
     */
    public static final int IPMI_LAN_TIMEOUT_SECONDS = 2;
    /** H-09: ipmitool's retries of one IPMI LAN request ({@code -R}) before it gives up on the BMC. */
    public static final int IPMI_LAN_RETRIES = 2;
    /**
     * H-09: hard limit on one ipmitool run (session set-up, the command and session close); past it the process is
     * killed and the outcome is unknown. Above the worst case of ipmitool's own retries ({@code -N}, {@code -R}).
     */
    public static final long IPMI_COMMAND_TIMEOUT_MS = 30_000L;
    /** H-09: limit on opening the TCP/TLS connection to a Redfish BMC. */
    public static final long REDFISH_CONNECT_TIMEOUT_MS = 5_000L;
    /** H-09: limit on one Redfish HTTP request until its response arrives; past it the outcome is unknown. */
    public static final long REDFISH_REQUEST_TIMEOUT_MS = 15_000L;

    // ---- C: CPU ----

    /**
     * C-05: the generation number of the oldest model of each vendor in the CPU catalogue; generations count up from
     * here in release order (the catalogue resource states each model's).
     */
    public static final int CPU_OLDEST_GENERATION = 1;

    // ---- G: live migration model (pre-copy, QEMU defaults) ----

    /** G-03: the longest guest pause at switch-over that QEMU aims for by default ({@code downtime-limit}, 300 ms). */
    public static final long MIGRATION_DEFAULT_MAX_DOWNTIME_MILLIS = 300;
    /** G-03: QEMU auto-converge, the first throttle applied to the guest's vCPUs ({@code cpu-throttle-initial}). */
    public static final int MIGRATION_THROTTLE_INITIAL_PERCENT = 20;
    /** G-03: QEMU auto-converge, the step added after each pass that did not converge ({@code cpu-throttle-increment}). */
    public static final int MIGRATION_THROTTLE_INCREMENT_PERCENT = 10;
    /** G-03: QEMU auto-converge, the strongest throttle ({@code max-cpu-throttle}). */
    public static final int MIGRATION_THROTTLE_MAX_PERCENT = 99;
    /**
     * G-03: the harness's cap on pre-copy passes before the configured fallback applies (QEMU itself has no cap; a
     * migration that has not converged after this many passes will not).
     */
    public static final int MIGRATION_DEFAULT_MAX_ITERATIONS = 30;
    /**
     * G-03: the management bandwidth the documentation recommends for migration, in Gb/s; anything below, such as the
     * 1 Gb/s network the documentation says makes migration take a long time, is flagged as slow.
     */
    public static final int MIGRATION_RECOMMENDED_BANDWIDTH_GBPS = 10;

    // ---- N: networking (bridges, ports, bonds) ----

    /** N-04: the number of the first {@code vnet} port created on a host after it boots ({@code vnet0}). */
    public static final int VNET_FIRST_NUMBER = 0;
    /** N-06: every bond mode except 802.3ad carries one NIC's bandwidth. */
    public static final int BOND_THROUGHPUT_NICS = 1;
    /** N-06: an 802.3ad (LACP) bond carries two NICs' bandwidth. */
    public static final int BOND_LACP_THROUGHPUT_NICS = 2;
    /** N-06: most slaves of one bond the model takes (slave selection returns a 64-bit mask). */
    public static final int BOND_MAX_SLAVES = 64;
    /**
     * The speed assumed for a bridge uplink the host specification does not describe (no bond for it), in Gb/s; the
     * same default {@link io.cellharness.core.model.HostNicSpec} gives a NIC without a speed.
     */
    public static final int UNDESCRIBED_UPLINK_GBPS = 10;

    // ---- H: host HA engine timings (our defaults; README compares them with CloudStack's) ----

    /** H-01: how often a helper checks libvirt and storage, writes its storage heartbeat and reports to the manager. */
    public static final long HA_HEARTBEAT_PERIOD_MS = 1_000;
    /** H-02: how many ring neighbours each helper asks to check it. */
    public static final int HA_NEIGHBOURS = 2;
    /** H-02: how often a helper asks its neighbours to check it. */
    public static final long HA_CHECK_ME_PERIOD_MS = 1_000;
    /** H-03: a neighbour that has not heard "check me" from a host for this long probes it. */
    public static final long HA_NEIGHBOUR_SILENCE_MS = 3_000;
    /** H-03: how long a probe of a host's helper may take before it counts as unanswered. */
    public static final long HA_PROBE_TIMEOUT_MS = 1_000;
    /** The manager suspects a host whose heartbeats have stopped for this long, or at once on a neighbour's report. */
    public static final long HA_SUSPECT_AFTER_MS = 4_000;
    /** How long the manager waits for a neighbour's activity check of a suspect host. */
    public static final long HA_CHECK_TIMEOUT_MS = 2_000;
    /**
     * H-07: the storage heartbeat of a suspect host must advance within this window for the host to count as alive
     * on storage (isolated, not dead). Three heartbeat periods.
     */
    public static final long HA_STORAGE_CHECK_WINDOW_MS = 3_000;
    /**
     * H-06: a host's watchdog resets it when it has had contact with neither storage nor the manager for this long,
     * so that its VMs are gone before the manager may declare its lease expired.
     */
    public static final long HA_WATCHDOG_TIMEOUT_MS = 10_000;
    /**
     * H-06, H-09: the manager declares a host's lease expired when its own successful reads of the host's storage
     * heartbeat show no renewal over at least this long, counted from the later of the first read that showed the
     * current counter and the host's last management heartbeat. At least HA_STORAGE_RENEW_WITHIN_MS +
     * HA_WATCHDOG_TIMEOUT_MS + the watchdog's granularity (13 s at the defaults); the README gives the argument.
     */
    public static final long HA_LEASE_TIMEOUT_MS = 20_000;
    /**
     * H-01, H-06: a storage heartbeat write (or the manager's read of one) not answered within this long is tried
     * again, while the first stays in flight: a lost message costs one retry, not a whole timeout.
     */
    public static final long HA_STORAGE_RETRY_MS = 250;
    /** H-01: at most this many storage heartbeat writes per heartbeat period (the first and its retries). */
    public static final int HA_STORAGE_ATTEMPTS_PER_PERIOD = 4;
    /** H-01: at most this many storage heartbeat requests of one helper (or of the manager, per host) in flight. */
    public static final int HA_STORAGE_MAX_IN_FLIGHT = 8;
    /**
     * H-06: a heartbeat write (or a management heartbeat) renews the host's watchdog only when its success arrives
     * within this long of its sending; a later success renews nothing. Bounds the lease's timing argument: the
     * manager may declare a lease expired only when its successful reads span at least
     * {@code HA_STORAGE_RENEW_WITHIN_MS + HA_WATCHDOG_TIMEOUT_MS + watchdog granularity} without a renewal.
     */
    public static final long HA_STORAGE_RENEW_WITHIN_MS = 2_000;
    /** H-04: how long one BMC command may take before its outcome is unknown. */
    public static final long HA_FENCE_COMMAND_TIMEOUT_MS = 10_000;
    /** H-06: how long after a power-off command the power state is read back to confirm it. */
    public static final long HA_FENCE_CONFIRM_DELAY_MS = 1_000;
    /** H-06: how many read-backs confirm a power-off before the fence counts as not done. */
    public static final int HA_FENCE_CONFIRM_READS = 3;
    /** H-09: the first wait before an unconfirmed or failed fence is tried again; doubles each time. */
    public static final long HA_FENCE_RETRY_BASE_MS = 2_000;
    /** H-09: the longest wait between fence attempts. */
    public static final long HA_FENCE_RETRY_MAX_MS = 30_000;
    /**
     * H-04: after a fence is confirmed (and the host's VMs are being restarted elsewhere) the host is powered on again,
     * as Pacemaker's reboot fence does: it comes back empty (no domain autostarts) and its capacity and storage monitor
     * return. A host that fails again is simply fenced again.
     */
    public static final boolean HA_POWER_ON_AFTER_FENCE = true;
    /** H-10: when more than this share of a cluster's hosts look failed at once, nothing is fenced automatically. */
    public static final double HA_MASS_FAILURE_SHARE = 0.3;
    /** H-04: how long the manager waits for one hypervisor operation on a recovery target. */
    public static final long HA_OPERATION_TIMEOUT_MS = 10_000;
    /**
     * H-06: how old a helper's list of running VMs can be when it arrives (it is taken at most two heartbeat periods
     * before, else the helper reports libvirt as not answering). The manager does not let such a list move or miss a
     * VM it placed itself more recently than this.
     */
    public static final long HA_REPORT_STALENESS_MS = 3_000;
    /** H-04: how often HA VMs that fit nowhere are tried again (they are reported, never dropped). */
    public static final long HA_PLACEMENT_RETRY_MS = 10_000;
    /**
     * H-08: the documented bound: after a host crash with a working BMC and enough capacity, every HA VM of the host
     * runs again within this long of the crash.
     */
    public static final long HA_RECOVERY_BOUND_MS = 60_000;

    // ---- Simulator defaults (virtual time; the simulated world's physics, not product limits) ----

    /** Management network one-way latency: base and uniform jitter. */
    public static final long SIM_MGMT_LATENCY_MS = 1;
    public static final long SIM_MGMT_JITTER_MS = 2;
    /** Storage network one-way latency: base and uniform jitter. */
    public static final long SIM_STORAGE_LATENCY_MS = 1;
    public static final long SIM_STORAGE_JITTER_MS = 1;
    /** Out-of-band (BMC) network round trip: base and jitter. */
    public static final long SIM_BMC_LATENCY_MS = 50;
    public static final long SIM_BMC_JITTER_MS = 150;
    /** How long the simulated BMC client waits for an answer before the command's outcome is unknown. */
    public static final long SIM_BMC_TIMEOUT_MS = 5_000;
    /** How long a chassis takes to lose power after a power-off command. */
    public static final long SIM_POWER_OFF_MS = 500;
    /** How long a host takes from power-on (or reset) until its OS, libvirt and helper run. */
    public static final long SIM_HOST_BOOT_MS = 60_000;
    /** A libvirt call's duration on a healthy daemon: base and jitter. */
    public static final long SIM_LIBVIRT_CALL_MS = 5;
    public static final long SIM_LIBVIRT_CALL_JITTER_MS = 45;
    /** A domain start's duration: base and jitter. */
    public static final long SIM_DOMAIN_START_MS = 500;
    public static final long SIM_DOMAIN_START_JITTER_MS = 1_500;
    /** A guest's ACPI shutdown duration. */
    public static final long SIM_GUEST_SHUTDOWN_MS = 3_000;
    /** How long a libvirt client waits on a silent daemon or host before the call's outcome is unknown (keepalive). */
    public static final long SIM_LIBVIRT_TIMEOUT_MS = 5_000;
    /** The share of its memory a simulated guest uses until a fault makes it use all of it (L-08). */
    public static final double SIM_GUEST_MEMORY_IN_USE = 0.5;
    /** How often each simulated guest with a Glue disk writes (S-05, S-08 accounting). */
    public static final long SIM_GUEST_WRITE_INTERVAL_MS = 500;
    /** A guest's memory dirty rate when the scenario does not give one, in MiB/s (G-03). */
    public static final double SIM_DEFAULT_DIRTY_RATE_MIBPS = 64;
    /** Management bandwidth for migrations when the cluster file does not describe NIC speeds, in Gb/s. */
    public static final int SIM_DEFAULT_MGMT_GBPS = 10;
    /** After the last fault heals, how long the cluster runs quietly before liveness is checked. */
    public static final long SIM_QUIET_PERIOD_MS = 120_000;
    /** The iteration cap of one simulation run: a livelock stops here instead of running forever. */
    public static final long SIM_MAX_EVENTS = 200_000_000L;
    /** S-04: Glue monitors of a random-mode cluster below {@link #SIM_RANDOM_LARGE_CLUSTER_HOSTS} hosts. */
    public static final int SIM_RANDOM_MONITORS_SMALL = 3;
    /** S-04: Glue monitors of a random-mode cluster of {@link #SIM_RANDOM_LARGE_CLUSTER_HOSTS} hosts or more. */
    public static final int SIM_RANDOM_MONITORS_LARGE = 5;
    /** S-04: from this many hosts a random-mode cluster runs {@link #SIM_RANDOM_MONITORS_LARGE} monitors. */
    public static final int SIM_RANDOM_LARGE_CLUSTER_HOSTS = 16;

    // ---- Input bounds (issue 19): what a cluster file, scenario file or option may ask for ----

    /** The largest cluster or scenario file read, in bytes; checked before reading. */
    public static final long INPUT_FILE_MAX_BYTES = 1L << 20;
    /** The largest memory or disk overcommit factor (L-07); a factor beyond it is a typo, not a policy. */
    public static final double OVERCOMMIT_MAX = 16.0;
    /** The longest simulated time one run may cover: a scenario's duration plus quiet period, or --until. */
    public static final long SIM_MAX_VIRTUAL_MS = 7L * 24 * 3_600_000;
    /** The longest latency, jitter, fault duration or HA timeout a scenario may name. */
    public static final long SIM_MAX_DELAY_MS = 24L * 3_600_000;
    /** The most seeds one sweep runs (a larger range is split into shards). */
    public static final long SWEEP_MAX_SEEDS = 100_000L;
    /** The most hosts the random mode draws. */
    public static final int RANDOM_MAX_HOSTS = 1_000;
    /** The most VMs the random mode draws. */
    public static final int RANDOM_MAX_VMS = 100_000;
    /** Heap a simulated VM needs, roughly, in bytes (the cluster-size check against the heap before building). */
    public static final long SIM_HEAP_BYTES_PER_VM = 16L * 1024;
    /** Heap a simulated host needs, roughly, in bytes. */
    public static final long SIM_HEAP_BYTES_PER_HOST = 256L * 1024;
    /** The highest NIC speed a host NIC may state, in Gb/s. */
    public static final int NIC_MAX_SPEED_GBPS = 1_600;

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

    // ---- A: local libvirt daemons (harness) ----

    /** how long a local libvirtd may take to answer after launch (its first QEMU capability probe takes seconds). */
    public static final long LOCAL_LIBVIRTD_READY_MILLIS = 90_000;
    /** how long a local libvirtd may take to exit after SIGTERM before it is killed. */
    public static final long LOCAL_LIBVIRTD_STOP_MILLIS = 20_000;

    // ---- CloudStack KVM Host HA (the `cloudstack` HA policy): upstream defaults, cited where they come from ----

    /** {@code BackgroundPollManagerImpl.getRoundDelay()}: the HA manager's background poll runs every 4 s. */
    public static final long CLOUDSTACK_HA_POLL_MS = 4_000;
    /** {@code KVMHAConfig} {@code kvm.ha.health.check.timeout}: 10 s for a health check to complete. */
    public static final long CLOUDSTACK_HEALTH_CHECK_TIMEOUT_MS = 10_000;
    /** {@code KVMHAConfig} {@code kvm.ha.activity.check.timeout}: 60 s for an activity check to complete. */
    public static final long CLOUDSTACK_ACTIVITY_CHECK_TIMEOUT_MS = 60_000;
    /** {@code KVMHAConfig} {@code kvm.ha.activity.check.interval}: 60 s between activity checks. */
    public static final long CLOUDSTACK_ACTIVITY_CHECK_INTERVAL_MS = 60_000;
    /** {@code KVMHAConfig} {@code kvm.ha.activity.check.max.attempts}: 10 activity checks before a decision. */
    public static final int CLOUDSTACK_ACTIVITY_CHECK_MAX_ATTEMPTS = 10;
    /** {@code KVMHAConfig} {@code kvm.ha.activity.check.failure.ratio}: recover when more than 0.7 of them failed. */
    public static final double CLOUDSTACK_ACTIVITY_CHECK_FAILURE_RATIO = 0.7;
    /** {@code KVMHAConfig} {@code kvm.ha.degraded.max.period}: 300 s in Degraded before activity is checked again. */
    public static final long CLOUDSTACK_DEGRADED_MAX_PERIOD_MS = 300_000;
    /** {@code KVMHAConfig} {@code kvm.ha.recover.timeout}: 60 s for a recovery (power reset) to complete. */
    public static final long CLOUDSTACK_RECOVER_TIMEOUT_MS = 60_000;
    /** {@code KVMHAConfig} {@code kvm.ha.recover.wait.period}: 600 s in Recovered before the host is Available. */
    public static final long CLOUDSTACK_RECOVER_WAIT_PERIOD_MS = 600_000;
    /** {@code KVMHAConfig} {@code kvm.ha.recover.failure.threshold}: 1 recovery attempt, then the host is fenced. */
    public static final int CLOUDSTACK_RECOVER_ATTEMPT_THRESHOLD = 1;
    /** {@code KVMHAConfig} {@code kvm.ha.fence.timeout}: 60 s for a fence (power off) to complete. */
    public static final long CLOUDSTACK_FENCE_TIMEOUT_MS = 60_000;
    /**
     * {@code KVMHAConfig} {@code kvm.ha.accepted.problematic.hosts.ratio}: when more than this share of a cluster's
     * hosts (rounded down) are problematic, HA neither recovers nor fences ({@code KvmHaHelper.isClusteProblematic}).
     */
    public static final double CLOUDSTACK_ACCEPTED_PROBLEMATIC_HOSTS_RATIO = 0.3;
    /**
     * {@code KVMHABase}: the KVM agent writes its NFS heartbeat every 60 s; a heartbeat older than that is "not
     * beating" for {@code KVMHAChecker}.
     */
    public static final long CLOUDSTACK_HEARTBEAT_STALE_MS = 60_000;
}
