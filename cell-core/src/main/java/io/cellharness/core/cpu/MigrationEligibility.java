package io.cellharness.core.cpu;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.HostSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU rules of live migration, checked before anything is copied (C-06, G-04).
 *
 * <ul>
 *   <li>C-05 (cluster option on): the VM runs the cluster's oldest-generation model; the target must offer its
 *       features.</li>
 *   <li>host-passthrough (C-02): every host of the cluster must have the CPU the VM sees (vendor, model and feature
 *       set), the documentation's "only when the CPUs that make up the cluster are all the same model"; in a mixed
 *       cluster the migration is refused, naming the hosts that differ, even toward an identical host.</li>
 *   <li>host-model (C-03): the target must offer every feature the VM was started with; libvirt adjusts the rest.</li>
 *   <li>custom (C-04): the VM runs the cluster baseline; any host offering the baseline's features will do.</li>
 * </ul>
 * A target of another vendor is refused in every mode: libvirt's CPU definitions carry the vendor and its CPU
 * comparison refuses a mismatch, and KVM does not live-migrate guests between Intel and AMD.
 */
public final class MigrationEligibility {

    private MigrationEligibility() {
    }

    /** {@link #check(CpuMode, CpuSpec, CpuSpec, CpuSpec, ClusterSpec, CpuCatalogue)} with the standard catalogue. */
    public static Eligibility check(CpuMode vmCpuMode, CpuSpec vmCpu, CpuSpec source, CpuSpec target,
                                    ClusterSpec cluster) {
        return check(vmCpuMode, vmCpu, source, target, cluster, CpuCatalogue.standard());
    }

    /**
     * May a running VM move from {@code source} to {@code target}?
     *
     * @param vmCpuMode the VM's CPU mode (C-01)
     * @param vmCpu     the CPU the VM was started with ({@link GuestCpu#cpu()}); null means "what it gets on
     *                  {@code source}" ({@link EffectiveCpu})
     * @param source    the CPU of the host it runs on
     * @param target    the CPU of the host it would move to
     * @param cluster   for the C-05 option and the C-04 baseline
     */
    public static Eligibility check(CpuMode vmCpuMode, CpuSpec vmCpu, CpuSpec source, CpuSpec target,
                                    ClusterSpec cluster, CpuCatalogue catalogue) {
        CpuSpec from = catalogue.expand(source);
        CpuSpec to = catalogue.expand(target);
        boolean pinned = cluster.settings().cpuGenerationCompatibility();
        CpuSpec guest;
        if (vmCpu != null) {
            guest = catalogue.expand(vmCpu);
        } else {
            GuestCpuResult started = EffectiveCpu.of(vmCpuMode, source, cluster, catalogue);
            if (started instanceof GuestCpuResult.Undefined undefined) {
                return new Eligibility.Refused(undefined.rule(), "the VM's CPU on the source host is undefined: "
                        + undefined.reason(), List.of());
            }
            guest = ((GuestCpuResult.Defined) started).cpu().cpu();
        }
        String rule = pinned ? "C-05" : switch (vmCpuMode) {
            case HOST_PASSTHROUGH -> "C-02";
            case HOST_MODEL -> "C-03";
            case CUSTOM -> "C-04";
        };
        if (guest.vendor() != to.vendor()) {
            return new Eligibility.Refused(rule, vmCpuMode + " VM runs an " + guest.vendor() + " CPU (" + guest.model()
                    + ") and the target host's CPU is " + to.vendor() + " (" + to.model() + "): CPUs of different "
                    + "vendors never take a live migration", List.of());
        }
        if (!pinned && vmCpuMode == CpuMode.HOST_PASSTHROUGH) {
            Eligibility.Refused mixed = mixedCluster(guest, cluster, catalogue);
            return mixed != null ? mixed : passthrough(guest, from, to);
        }
        List<String> missing = FeatureSets.missing(guest.features(), to.features());
        if (!missing.isEmpty()) {
            String what = switch (rule) {
                case "C-05" -> "of the cluster generation CPU " + guest.model();
                case "C-04" -> "of the cluster baseline CPU " + guest.model();
                default -> "the VM was started with (host-model " + guest.model() + ")";
            };
            return new Eligibility.Refused(rule, "target host CPU " + to.model() + " lacks " + missing.size()
                    + " feature" + (missing.size() == 1 ? "" : "s") + " " + what + ": " + FeatureSets.list(missing),
                    missing);
        }
        String note = switch (rule) {
            case "C-05" -> "the VM runs " + guest.model() + " (oldest generation in the cluster) on every host";
            case "C-04" -> "the target offers every feature of the baseline CPU " + guest.model();
            default -> guest.model().equals(to.model()) && guest.features().equals(to.features())
                    ? "the target CPU is the same as the VM's"
                    : "the target " + to.model() + " offers every feature the VM has; libvirt adjusts the feature set";
        };
        return new Eligibility.Allowed(rule, note);
    }

    /** C-02: the hosts of the cluster whose CPU is not the one the host-passthrough VM sees, or null if none. */
    private static Eligibility.Refused mixedCluster(CpuSpec guest, ClusterSpec cluster, CpuCatalogue catalogue) {
        List<String> differ = new ArrayList<>();
        for (HostSpec host : cluster.hosts()) {
            if (host.cpu() == null) {
                differ.add(host.name() + " has no CPU description");
                continue;
            }
            CpuSpec cpu = catalogue.expand(host.cpu());
            if (cpu.vendor() != guest.vendor() || !cpu.model().equals(guest.model())) {
                differ.add(host.name() + " has " + (cpu.vendor() == guest.vendor() ? "" : cpu.vendor() + " ")
                        + cpu.model());
                continue;
            }
            List<String> lacks = FeatureSets.missing(guest.features(), cpu.features());
            List<String> adds = FeatureSets.missing(cpu.features(), guest.features());
            if (!lacks.isEmpty() || !adds.isEmpty()) {
                differ.add(host.name() + " has " + cpu.model()
                        + (lacks.isEmpty() ? "" : " without " + FeatureSets.list(lacks))
                        + (lacks.isEmpty() || adds.isEmpty() ? "" : " and")
                        + (adds.isEmpty() ? "" : " with " + FeatureSets.list(adds) + " too"));
            }
        }
        if (differ.isEmpty()) {
            return null;
        }
        return new Eligibility.Refused("C-02", "host-passthrough VM sees the CPU " + guest.model()
                + " and the cluster's CPUs are not all the same: " + String.join("; ", differ)
                + "; host-passthrough live-migrates only when every host of the cluster has the same CPU model and "
                + "feature set", List.of());
    }

    private static Eligibility passthrough(CpuSpec guest, CpuSpec source, CpuSpec target) {
        if (!guest.model().equals(target.model())) {
            return new Eligibility.Refused("C-02", "host-passthrough VM sees the CPU " + guest.model()
                    + " and the target host's CPU model is " + target.model()
                    + "; host-passthrough migrates only between identical CPUs", List.of());
        }
        List<String> missing = FeatureSets.missing(guest.features(), target.features());
        List<String> extra = FeatureSets.missing(target.features(), guest.features());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            StringBuilder why = new StringBuilder("host-passthrough VM sees the CPU ").append(guest.model())
                    .append(" with a different feature set than the target's");
            if (!missing.isEmpty()) {
                why.append("; the target lacks ").append(FeatureSets.list(missing));
            }
            if (!extra.isEmpty()) {
                why.append("; the target adds ").append(FeatureSets.list(extra));
            }
            why.append("; host-passthrough migrates only between identical CPUs");
            return new Eligibility.Refused("C-02", why.toString(), missing);
        }
        String note = source.equals(target) ? "the source and target CPUs are identical"
                : "the target CPU is identical to the one the VM sees";
        return new Eligibility.Allowed("C-02", note);
    }
}
