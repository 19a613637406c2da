package io.cellharness.core.cpu;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.CpuVendor;
import io.cellharness.core.model.HostSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * The CPU every host of a set can run, computed the way libvirt's {@code virConnectBaselineCPU} does for x86: the
 * hosts must share a vendor ("CPU vendors do not match" otherwise), the common features are the intersection of the
 * hosts' features, and the model is the newest catalogue model whose features all lie in that intersection; the
 * common features beyond the model's are kept as extra required features (C-04).
 *
 * <p>{@link #oldestGeneration} is the C-05 variant: the model of the oldest generation present, without extras, so
 * that QEMU emulates the same named CPU on every host.
 */
public final class CpuBaseline {

    private CpuBaseline() {
    }

    /** A host CPU with the name used for it in messages. */
    private record Labelled(String label, CpuSpec cpu) {
    }

    /** The baseline of {@code cpus} with the standard catalogue. */
    public static BaselineResult of(List<CpuSpec> cpus) {
        return of(cpus, CpuCatalogue.standard());
    }

    /** The baseline of {@code cpus} (C-04). */
    public static BaselineResult of(List<CpuSpec> cpus, CpuCatalogue catalogue) {
        return baseline(label(cpus, catalogue), catalogue);
    }

    /** The baseline of every host of the cluster (C-04), with the standard catalogue. */
    public static BaselineResult ofCluster(ClusterSpec cluster) {
        return ofHosts(cluster.hosts(), CpuCatalogue.standard());
    }

    /** The baseline of {@code hosts} (C-04). */
    public static BaselineResult ofHosts(List<HostSpec> hosts, CpuCatalogue catalogue) {
        List<Labelled> labelled = new ArrayList<>();
        for (HostSpec h : hosts) {
            if (h.cpu() == null) {
                return new BaselineResult.Impossible("host " + h.name() + " has no CPU description (vendor, model)");
            }
            labelled.add(new Labelled("host " + h.name(), catalogue.expand(h.cpu())));
        }
        return baseline(labelled, catalogue);
    }

    /** The C-05 CPU of the cluster's hosts, with the standard catalogue. */
    public static BaselineResult oldestGeneration(ClusterSpec cluster) {
        return oldestGenerationOfHosts(cluster.hosts(), CpuCatalogue.standard());
    }

    /** The C-05 CPU of {@code cpus}. */
    public static BaselineResult oldestGeneration(List<CpuSpec> cpus, CpuCatalogue catalogue) {
        return oldest(label(cpus, catalogue), catalogue);
    }

    /** The C-05 CPU of {@code hosts}. */
    public static BaselineResult oldestGenerationOfHosts(List<HostSpec> hosts, CpuCatalogue catalogue) {
        List<Labelled> labelled = new ArrayList<>();
        for (HostSpec h : hosts) {
            if (h.cpu() == null) {
                return new BaselineResult.Impossible("host " + h.name() + " has no CPU description (vendor, model)");
            }
            labelled.add(new Labelled("host " + h.name(), catalogue.expand(h.cpu())));
        }
        return oldest(labelled, catalogue);
    }

    private static List<Labelled> label(List<CpuSpec> cpus, CpuCatalogue catalogue) {
        List<Labelled> out = new ArrayList<>();
        for (int i = 0; i < cpus.size(); i++) {
            CpuSpec cpu = cpus.get(i);
            out.add(new Labelled("CPU " + i + " (" + cpu.model() + ")", catalogue.expand(cpu)));
        }
        return out;
    }

    private static BaselineResult baseline(List<Labelled> cpus, CpuCatalogue catalogue) {
        String problem = sameVendorProblem(cpus);
        if (problem != null) {
            return new BaselineResult.Impossible(problem);
        }
        CpuVendor vendor = cpus.get(0).cpu().vendor();
        TreeSet<String> common = commonFeatures(cpus);
        CpuModel best = null;
        for (CpuModel m : catalogue.models(vendor)) {
            if (common.containsAll(m.features())) {
                best = m;
            }
        }
        if (best == null) {
            return new BaselineResult.Impossible(noModelReason(vendor, common, cpus, catalogue));
        }
        List<String> extras = FeatureSets.missing(common, best.features());
        return new BaselineResult.Found(new CpuSpec(vendor, best.name(), best.generation(), List.copyOf(common)), best,
                extras);
    }

    private static BaselineResult oldest(List<Labelled> cpus, CpuCatalogue catalogue) {
        String problem = sameVendorProblem(cpus);
        if (problem != null) {
            return new BaselineResult.Impossible(problem);
        }
        CpuVendor vendor = cpus.get(0).cpu().vendor();
        int oldest = Integer.MAX_VALUE;
        for (Labelled l : cpus) {
            OptionalInt generation = catalogue.generationOf(l.cpu());
            if (generation.isEmpty()) {
                return new BaselineResult.Impossible(l.label() + " has CPU model " + l.cpu().model()
                        + ", which is not in the catalogue and states no generation (C-05)");
            }
            oldest = Math.min(oldest, generation.getAsInt());
        }
        TreeSet<String> common = commonFeatures(cpus);
        CpuModel best = null;
        for (CpuModel m : catalogue.models(vendor)) {
            if (m.generation() <= oldest && common.containsAll(m.features())) {
                best = m;
            }
        }
        if (best == null) {
            return new BaselineResult.Impossible(noModelReason(vendor, common, cpus, catalogue));
        }
        return new BaselineResult.Found(best.toSpec(), best, List.of());
    }

    private static String sameVendorProblem(List<Labelled> cpus) {
        if (cpus.isEmpty()) {
            return "no host CPUs to compute a common CPU from";
        }
        Labelled first = cpus.get(0);
        for (Labelled l : cpus) {
            if (l.cpu().vendor() != first.cpu().vendor()) {
                return "CPU vendors do not match: " + first.label() + " is " + first.cpu().vendor() + " ("
                        + first.cpu().model() + "), " + l.label() + " is " + l.cpu().vendor() + " (" + l.cpu().model()
                        + "); no CPU model runs on both";
            }
        }
        return null;
    }

    private static TreeSet<String> commonFeatures(List<Labelled> cpus) {
        TreeSet<String> common = new TreeSet<>(cpus.get(0).cpu().features());
        for (Labelled l : cpus) {
            common.retainAll(l.cpu().features());
        }
        return common;
    }

    private static String noModelReason(CpuVendor vendor, TreeSet<String> common, List<Labelled> cpus,
                                        CpuCatalogue catalogue) {
        List<CpuModel> models = catalogue.models(vendor);
        if (models.isEmpty()) {
            return "the CPU catalogue has no " + vendor + " models";
        }
        CpuModel oldestModel = models.get(0);
        List<String> lacking = new ArrayList<>();
        for (Labelled l : cpus) {
            List<String> missing = FeatureSets.missing(oldestModel.features(), l.cpu().features());
            if (!missing.isEmpty()) {
                lacking.add(l.label() + " lacks " + FeatureSets.list(missing));
            }
        }
        return "no catalogue model runs on every host; even the oldest, " + oldestModel.name() + ", cannot: "
                + String.join("; ", lacking) + " (" + common.size() + " common features)";
    }
}
