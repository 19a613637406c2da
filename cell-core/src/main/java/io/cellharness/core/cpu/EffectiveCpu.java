package io.cellharness.core.cpu;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.VmSpec;
import java.util.List;
import java.util.Optional;

/**
 * "What CPU does this VM get on this host in this cluster?"
 *
 * <ul>
 *   <li>C-05 on: every VM, whatever its mode, runs the catalogue model of the oldest generation present in the
 *       cluster, emulated by QEMU (rendered as {@code custom}).</li>
 *   <li>host-passthrough (C-02): the host CPU as it is.</li>
 *   <li>host-model (C-03): the host's model and features (libvirt copies them at start).</li>
 *   <li>custom (C-04): the baseline of every host of the cluster, model plus extra common features.</li>
 * </ul>
 */
public final class EffectiveCpu {

    private EffectiveCpu() {
    }

    /** The CPU {@code vm} gets on the host it is placed on, with the standard catalogue. */
    public static GuestCpuResult of(VmSpec vm, ClusterSpec cluster) {
        if (vm.host() == null) {
            return new GuestCpuResult.Undefined("C-01", "VM " + vm.name() + " is not placed on a host");
        }
        return of(vm.cpuMode(), vm.host(), cluster);
    }

    /** The CPU of a VM of {@code mode} started on the cluster's host {@code hostName}, with the standard catalogue. */
    public static GuestCpuResult of(CpuMode mode, String hostName, ClusterSpec cluster) {
        Optional<HostSpec> host = cluster.host(hostName);
        if (host.isEmpty()) {
            return new GuestCpuResult.Undefined("C-01", "the cluster has no host " + hostName);
        }
        if (host.get().cpu() == null) {
            return new GuestCpuResult.Undefined("C-01", "host " + hostName + " has no CPU description (vendor, model)");
        }
        return of(mode, host.get().cpu(), cluster, CpuCatalogue.standard());
    }

    /** The CPU of a VM of {@code mode} started on a host with CPU {@code hostCpu} in {@code cluster}. */
    public static GuestCpuResult of(CpuMode mode, CpuSpec hostCpu, ClusterSpec cluster, CpuCatalogue catalogue) {
        CpuSpec host = catalogue.expand(hostCpu);
        if (cluster.settings().cpuGenerationCompatibility()) {
            BaselineResult oldest = CpuBaseline.oldestGenerationOfHosts(cluster.hosts(), catalogue);
            if (oldest instanceof BaselineResult.Impossible impossible) {
                return new GuestCpuResult.Undefined("C-05", "CPU generation compatibility is on, but the cluster has "
                        + "no common generation CPU: " + impossible.reason());
            }
            BaselineResult.Found found = (BaselineResult.Found) oldest;
            return runnable(host, new GuestCpu(CpuMode.CUSTOM, found.cpu(), List.of(), "C-05",
                    "CPU generation compatibility: every VM runs " + found.model().name()
                            + ", the oldest generation in the cluster, emulated by QEMU"));
        }
        return switch (mode) {
            case HOST_PASSTHROUGH -> new GuestCpuResult.Defined(new GuestCpu(CpuMode.HOST_PASSTHROUGH, host, List.of(),
                    "C-02", "host-passthrough: the host CPU as it is (" + host.vendor() + " " + host.model() + ")"));
            case HOST_MODEL -> new GuestCpuResult.Defined(new GuestCpu(CpuMode.HOST_MODEL, host, extrasBeyondModel(host,
                    catalogue), "C-03", "host-model: the host's model " + host.model() + " and its features"));
            case CUSTOM -> custom(host, cluster, catalogue);
        };
    }

    private static GuestCpuResult custom(CpuSpec host, ClusterSpec cluster, CpuCatalogue catalogue) {
        BaselineResult baseline = CpuBaseline.ofHosts(cluster.hosts(), catalogue);
        if (baseline instanceof BaselineResult.Impossible impossible) {
            return new GuestCpuResult.Undefined("C-04", "a custom-mode VM runs the cluster's baseline CPU, and there is "
                    + "none: " + impossible.reason());
        }
        BaselineResult.Found found = (BaselineResult.Found) baseline;
        String extras = found.extraFeatures().isEmpty() ? ""
                : " plus " + found.extraFeatures().size() + " common features";
        return runnable(host, new GuestCpu(CpuMode.CUSTOM, found.cpu(), found.extraFeatures(), "C-04",
                "custom: the baseline of the cluster's " + cluster.hosts().size() + " hosts, " + found.model().name()
                        + extras));
    }

    /** A cluster-wide CPU on a host outside the cluster may still not fit that host; say so rather than pretend. */
    private static GuestCpuResult runnable(CpuSpec host, GuestCpu guest) {
        List<String> missing = FeatureSets.missing(guest.cpu().features(), host.features());
        if (host.vendor() != guest.cpu().vendor()) {
            return new GuestCpuResult.Undefined(guest.rule(), "the cluster CPU is " + guest.cpu().vendor() + " "
                    + guest.cpu().model() + ", but this host is " + host.vendor() + " " + host.model());
        }
        if (!missing.isEmpty()) {
            return new GuestCpuResult.Undefined(guest.rule(), "host CPU " + host.model() + " lacks features of the "
                    + "cluster CPU " + guest.cpu().model() + ": " + FeatureSets.list(missing));
        }
        return new GuestCpuResult.Defined(guest);
    }

    private static List<String> extrasBeyondModel(CpuSpec host, CpuCatalogue catalogue) {
        return catalogue.find(host.model())
                .filter(m -> m.vendor() == host.vendor())
                .map(m -> FeatureSets.missing(host.features(), m.features()))
                .orElse(List.of());
    }
}
