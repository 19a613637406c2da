package io.cellharness.cli;

import io.cellharness.core.advice.Advice;
import io.cellharness.core.advice.ExpectedPerformance;
import io.cellharness.core.advice.PerformanceAdvisor;
import io.cellharness.core.advice.VmAdvice;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuVendor;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.spec.SpecCodec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cell advise FILE}: the documented expected performance (P-01) per VM and device advice. */
@Command(name = "advise", mixinStandardHelpOptions = true,
        description = "Print the documented expected performance per device class (P-01) and device advice "
                + "(P-02, P-03, T-01) for every VM of a cluster file.")
final class AdviseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Cluster file (YAML).")
    Path file;

    @Option(names = "--vm", paramLabel = "NAME", description = "Only this VM.")
    String vmName;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ClusterSpec cluster = InputFiles.loadCluster(file).cluster();
        List<VmSpec> vms = cluster.vms();
        if (vmName != null) {
            vms = cluster.vm(vmName).map(List::of)
                    .orElseThrow(() -> new InputError(file + ": no VM named '" + vmName + "'"));
        }
        List<VmAdvice> all = new ArrayList<>();
        for (VmSpec vm : vms) {
            CpuVendor vendor = vm.host() == null ? CpuVendor.INTEL : cluster.host(vm.host()).map(HostSpec::cpu)
                    .map(c -> c.vendor()).orElse(CpuVendor.INTEL);
            all.add(PerformanceAdvisor.advise(vm, vendor));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(SpecCodec.toJson(all));
            return ExitCode.OK;
        }
        for (VmAdvice advice : all) {
            out.println(advice.vm() + ":");
            out.println(String.format(Locale.ROOT, "  %-26s %-26s %-18s %s", "device class", "device", "virtualization", "vs bare metal"));
            for (ExpectedPerformance row : advice.expected()) {
                out.println(String.format(Locale.ROOT, "  %-26s %-26s %-18s %3d%%", row.deviceClass().label(), row.device(),
                        row.virtualization().label(), row.percent()));
            }
            for (Advice a : advice.advice()) {
                out.println("  " + a.id() + " " + a.subject() + ": " + a.text());
            }
        }
        return ExitCode.OK;
    }
}
