package io.cellharness.core.validation;

import io.cellharness.core.cpu.BaselineResult;
import io.cellharness.core.cpu.CpuBaseline;
import io.cellharness.core.cpu.CpuCatalogue;
import io.cellharness.core.cpu.CpuModel;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.VmSpec;
import java.util.List;
import java.util.Optional;

/**
 * The CPU rules of a cluster specification.
 *
 * <p>Per host (errors unless noted):
 * <ul>
 *   <li>C-01: a catalogue model named with another vendor ({@link CpuCatalogue#problem}); a model spelt like a
 *       catalogue model in another case (libvirt names are case-sensitive); a warning for a model outside the
 *       catalogue, which the rules can compare only by the features it states.</li>
 *   <li>C-05: a stated generation that contradicts the catalogue model's, which would misorder the cluster's
 *       generations.</li>
 * </ul>
 * Per cluster, when the host descriptions themselves are sound: C-05 on with hosts that share no generation CPU
 * (error) or hosts without a CPU description (warning); C-04 a custom-mode VM in a cluster whose described hosts have
 * no baseline CPU.
 */
final class CpuCheck {

    private CpuCheck() {
    }

    static void check(ClusterSpec spec, List<Problem> errors, List<Problem> warnings) {
        CpuCatalogue catalogue = CpuCatalogue.standard();
        int errorsBefore = errors.size();
        boolean allDescribed = !spec.hosts().isEmpty();
        for (int h = 0; h < spec.hosts().size(); h++) {
            HostSpec host = spec.hosts().get(h);
            if (host.cpu() == null) {
                allDescribed = false;
                continue;
            }
            checkHostCpu(host.cpu(), "hosts[" + h + "].cpu", catalogue, errors, warnings);
        }
        if (errors.size() > errorsBefore) {
            return; // a wrong host description would only repeat itself in the cluster-wide answers
        }
        if (spec.settings().cpuGenerationCompatibility()) {
            checkGenerationCompatibility(spec, allDescribed, catalogue, errors, warnings);
        } else if (allDescribed) {
            checkBaseline(spec, catalogue, errors);
        }
    }

    private static void checkHostCpu(CpuSpec cpu, String path, CpuCatalogue catalogue, List<Problem> errors,
                                     List<Problem> warnings) {
        Optional<CpuModel> model = catalogue.find(cpu.model());
        if (model.isEmpty()) {
            for (CpuModel known : catalogue.models()) {
                if (cpu.model() != null && known.name().equalsIgnoreCase(cpu.model().trim())) {
                    errors.add(Problem.error("C-01", path + ".model", cpu.model(), null, "unknown CPU model; did you "
                            + "mean " + known.name() + "? (libvirt CPU model names are case-sensitive)"));
                    return;
                }
            }
            warnings.add(Problem.warning("C-01", path + ".model", cpu.model(), null,
                    "not a model of the CPU catalogue; the CPU rules compare it by its stated features only"
                            + (cpu.generation() > 0 ? "" : ", and with no generation it has no place in C-05")));
            return;
        }
        Optional<String> problem = catalogue.problem(cpu);
        if (problem.isPresent()) {
            errors.add(Problem.error("C-01", path + ".vendor", cpu.vendor(), null, problem.get()));
            return;
        }
        if (cpu.generation() > 0 && cpu.generation() != model.get().generation()) {
            errors.add(Problem.error("C-05", path + ".generation", cpu.generation(), model.get().generation(),
                    cpu.model() + " is generation " + model.get().generation() + " of " + cpu.vendor()
                            + " in the CPU catalogue; leave the generation out or state that one"));
        }
    }

    private static void checkGenerationCompatibility(ClusterSpec spec, boolean allDescribed, CpuCatalogue catalogue,
                                                     List<Problem> errors, List<Problem> warnings) {
        if (!allDescribed) {
            for (int h = 0; h < spec.hosts().size(); h++) {
                if (spec.hosts().get(h).cpu() == null) {
                    warnings.add(Problem.warning("C-05", "hosts[" + h + "].cpu", "absent", null,
                            "CPU generation compatibility is on, but host " + spec.hosts().get(h).name()
                                    + " has no CPU description, so the oldest generation cannot be known"));
                }
            }
            return;
        }
        BaselineResult oldest = CpuBaseline.oldestGenerationOfHosts(spec.hosts(), catalogue);
        if (oldest instanceof BaselineResult.Impossible impossible) {
            errors.add(Problem.error("C-05", "settings.cpuGenerationCompatibility", true, null,
                    "no CPU of one generation runs on every host: " + impossible.reason()));
        }
    }

    private static void checkBaseline(ClusterSpec spec, CpuCatalogue catalogue, List<Problem> errors) {
        BaselineResult baseline = null;
        for (int v = 0; v < spec.vms().size(); v++) {
            VmSpec vm = spec.vms().get(v);
            if (vm.cpuMode() != CpuMode.CUSTOM) {
                continue;
            }
            if (baseline == null) {
                baseline = CpuBaseline.ofHosts(spec.hosts(), catalogue);
            }
            if (baseline instanceof BaselineResult.Impossible impossible) {
                errors.add(Problem.error("C-04", "vms[" + v + "].cpuMode", vm.cpuMode(), null,
                        "a custom-mode VM runs the cluster's baseline CPU, and there is none: " + impossible.reason()));
            }
        }
    }
}
