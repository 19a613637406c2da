package io.cellharness.core.validation;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.BmcKind;
import io.cellharness.core.model.BmcSpec;
import io.cellharness.core.model.BondSpec;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostNicSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Overcommit;
import io.cellharness.core.model.VmSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The values every later stage relies on, checked before any of them runs (issue 19: validation is the single gate):
 * names present, numbers finite and in range, names unique per kind within a host, a BMC complete enough to fence
 * with. Each rule is one method, so a rule is added as one more line in {@link #RULES}.
 */
final class InputCheck {

    /** An environment variable name, as {@code passwordEnv} must be. */
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** One rule over the whole cluster, adding its errors. */
    interface Rule {
        void check(ClusterSpec spec, Consumer<Problem> errors);
    }

    static final List<Rule> RULES = List.of(
            InputCheck::namesPresent,
            InputCheck::overcommitInRange,
            InputCheck::hostMemoryPositive,
            InputCheck::cpuDescribed,
            InputCheck::nicSpeedsInRange,
            InputCheck::hostNamesUniquePerKind,
            InputCheck::bmcComplete);

    private InputCheck() {
    }

    static void check(ClusterSpec spec, List<Problem> errors) {
        for (Rule rule : RULES) {
            rule.check(spec, errors::add);
        }
    }

    /** SPEC: every host and VM has a name (a null from the file is refused earlier; this guards specs built in code). */
    static void namesPresent(ClusterSpec spec, Consumer<Problem> errors) {
        for (int h = 0; h < spec.hosts().size(); h++) {
            if (blank(spec.hosts().get(h).name())) {
                errors.accept(Problem.error(SpecValidator.STRUCTURE, "hosts[" + h + "].name", "''", null,
                        "a host needs a name"));
            }
        }
        for (int v = 0; v < spec.vms().size(); v++) {
            VmSpec vm = spec.vms().get(v);
            if (blank(vm.name())) {
                errors.accept(Problem.error(SpecValidator.STRUCTURE, "vms[" + v + "].name", "''", null,
                        "a VM needs a name"));
            }
            if (vm.memory() == null) {
                errors.accept(Problem.error(SpecValidator.STRUCTURE, "vms[" + v + "].memory", "absent", null,
                        "a VM needs a memory size"));
            }
        }
    }

    /** L-07: an overcommit factor is a finite number from 1 (off) to {@link Limits#OVERCOMMIT_MAX}. */
    static void overcommitInRange(ClusterSpec spec, Consumer<Problem> errors) {
        Overcommit o = spec.settings().overcommit();
        factor("settings.overcommit.memory", o.memory(), errors);
        factor("settings.overcommit.disk", o.disk(), errors);
    }

    private static void factor(String path, double value, Consumer<Problem> errors) {
        if (!(value >= Limits.OVERCOMMIT_OFF && value <= Limits.OVERCOMMIT_MAX)) {
            errors.accept(Problem.error("L-07", path, Double.isFinite(value) ? value : "not a finite number",
                    Limits.OVERCOMMIT_OFF + ".." + Limits.OVERCOMMIT_MAX,
                    "an overcommit factor is a finite number from 1 (off) to " + Limits.OVERCOMMIT_MAX));
        }
    }

    /** L-06: a host has memory. */
    static void hostMemoryPositive(ClusterSpec spec, Consumer<Problem> errors) {
        for (int h = 0; h < spec.hosts().size(); h++) {
            HostSpec host = spec.hosts().get(h);
            if (host.memory() == null || host.memory().bytes() == 0) {
                errors.accept(Problem.error("L-06", "hosts[" + h + "].memory", host.memory(), "> 0",
                        "a host has memory"));
            }
        }
    }

    /** C-05: a CPU generation orders models oldest lowest, from 0; a CPU description names its model. */
    static void cpuDescribed(ClusterSpec spec, Consumer<Problem> errors) {
        for (int h = 0; h < spec.hosts().size(); h++) {
            HostSpec host = spec.hosts().get(h);
            if (host.cpu() == null) {
                continue;
            }
            if (host.cpu().generation() < 0) {
                errors.accept(Problem.error("C-05", "hosts[" + h + "].cpu.generation", host.cpu().generation(), ">= 0",
                        "a CPU generation is 0 or more (oldest lowest)"));
            }
            if (blank(host.cpu().model())) {
                errors.accept(Problem.error(SpecValidator.STRUCTURE, "hosts[" + h + "].cpu.model", "''", null,
                        "a CPU description names its model"));
            }
        }
    }

    /** G-03: a NIC's speed is a positive number of Gb/s, at most {@link Limits#NIC_MAX_SPEED_GBPS}. */
    static void nicSpeedsInRange(ClusterSpec spec, Consumer<Problem> errors) {
        for (int h = 0; h < spec.hosts().size(); h++) {
            List<HostNicSpec> nics = spec.hosts().get(h).nics();
            for (int n = 0; n < nics.size(); n++) {
                int speed = nics.get(n).speedGbps();
                if (speed < 1 || speed > Limits.NIC_MAX_SPEED_GBPS) {
                    errors.accept(Problem.error("G-03", "hosts[" + h + "].nics[" + n + "].speedGbps", speed,
                            "1.." + Limits.NIC_MAX_SPEED_GBPS, "a link speed is a positive number of Gb/s"));
                }
            }
        }
    }

    /** SPEC: NIC names and bond names are unique within a host. */
    static void hostNamesUniquePerKind(ClusterSpec spec, Consumer<Problem> errors) {
        for (int h = 0; h < spec.hosts().size(); h++) {
            HostSpec host = spec.hosts().get(h);
            Map<String, Integer> nics = new LinkedHashMap<>();
            for (int n = 0; n < host.nics().size(); n++) {
                Integer earlier = nics.putIfAbsent(host.nics().get(n).name(), n);
                if (earlier != null) {
                    errors.accept(Problem.error(SpecValidator.STRUCTURE, "hosts[" + h + "].nics[" + n + "].name",
                            host.nics().get(n).name(), null, "NIC name already used by hosts[" + h + "].nics[" + earlier + "]"));
                }
            }
            Map<String, Integer> bonds = new LinkedHashMap<>();
            for (int b = 0; b < host.bonds().size(); b++) {
                BondSpec bond = host.bonds().get(b);
                Integer earlier = bonds.putIfAbsent(bond.name(), b);
                if (earlier != null) {
                    errors.accept(Problem.error(SpecValidator.STRUCTURE, "hosts[" + h + "].bonds[" + b + "].name",
                            bond.name(), null, "bond name already used by hosts[" + h + "].bonds[" + earlier + "]"));
                }
            }
        }
    }

    /** H-04: a BMC has an address, a user and the name of the environment variable holding its password. */
    static void bmcComplete(ClusterSpec spec, Consumer<Problem> errors) {
        for (int h = 0; h < spec.hosts().size(); h++) {
            BmcSpec bmc = spec.hosts().get(h).bmc();
            if (bmc == null) {
                continue;
            }
            String path = "hosts[" + h + "].bmc";
            if (blank(bmc.address())) {
                errors.accept(Problem.error("H-04", path + ".address", "''", null, "a BMC needs an address to fence with"));
            }
            if (blank(bmc.username())) {
                errors.accept(Problem.error("H-04", path + ".username", "absent", null, "a BMC needs a username"));
            }
            if (blank(bmc.passwordEnv())) {
                errors.accept(Problem.error("H-04", path + ".passwordEnv", "absent", null,
                        "a BMC needs passwordEnv, the environment variable holding its password"));
            } else if (!ENV_NAME.matcher(bmc.passwordEnv()).matches()) {
                errors.accept(Problem.error("H-04", path + ".passwordEnv", "not an environment variable name", null,
                        "passwordEnv names an environment variable, like CUBE1_BMC_PASSWORD"));
            }
            if (bmc.caFile() != null && (bmc.caFile().isBlank() || bmc.kind() != BmcKind.REDFISH)) {
                errors.accept(Problem.error("H-04", path + ".caFile", bmc.kind(), null,
                        "caFile names the CA of a Redfish BMC's TLS certificate; IPMI has no TLS"));
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
