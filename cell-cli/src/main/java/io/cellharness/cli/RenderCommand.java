package io.cellharness.cli;

import io.cellharness.core.mac.MacAllocator;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.SeededRandom;
import io.cellharness.core.validation.Problem;
import io.cellharness.core.validation.SpecValidator;
import io.cellharness.libvirt.xml.ClusterRendering;
import io.cellharness.libvirt.xml.DomainType;
import io.cellharness.libvirt.xml.DomainXmlException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cell render FILE [--vm NAME]}: the libvirt domain XML the libvirt backend would define for each VM of a
 * cluster file, with what the cluster decides (the CPU of C-04/C-05, the Glue monitors in path order, S-04) and the
 * MACs the manager assigns (M-01). Users never write this XML; this shows it.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Print the libvirt domain XML the libvirt backend would define for the VMs of a cluster file.",
                "Exit 0: rendered; 1: a VM breaks a documented limit (nothing printed for it);",
                "2: unreadable file, unknown VM, or a VM the cluster cannot give what it needs."})
final class RenderCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Cluster file (YAML), see examples/cluster.yaml.")
    Path file;

    @Option(names = "--vm", paramLabel = "NAME", description = "Only this VM (default: every VM, in file order).")
    String vm;

    @Option(names = "--domain-type", paramLabel = "kvm|qemu", defaultValue = "kvm", converter = TypeConverter.class,
            description = "kvm on Cell hosts (default); qemu for a host without /dev/kvm (TCG).")
    DomainType domainType;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ClusterSpec cluster = InputFiles.loadCluster(file).cluster();
        List<VmSpec> vms = new ArrayList<>(cluster.vms());
        if (vm != null) {
            vms = List.of(cluster.vm(vm).orElseThrow(() -> new InputError(file + ": no VM named '" + vm + "'")));
        }
        if (vms.isEmpty()) {
            throw new InputError(file + ": the cluster has no VMs to render");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // M-01: the manager gives every NIC without a MAC one before define; shown as a fixed seed draws them, over
        // every MAC of the file, so a VM's MACs do not depend on --vm.
        List<MacAllocator.Registration> macProblems = new ArrayList<>();
        MacAllocator macs = MacAllocator.rebuild(cluster, new SeededRandom(0).split("render-mac"), macProblems);
        TreeMap<String, VmSpec> withMacs = new TreeMap<>();
        for (VmSpec v : cluster.vms()) {
            withMacs.put(v.name(), macs.assignMissing(v));
        }
        List<String> xml = new ArrayList<>();
        int broken = 0;
        for (VmSpec v : vms) {
            List<String> problems = new ArrayList<>(SpecValidator.validateVm(v).errors().stream()
                    .map(Problem::oneLine).toList());
            for (MacAllocator.Registration r : macProblems) {
                if (r instanceof MacAllocator.Registration.Duplicate d && d.rejected().vm().equals(v.name())) {
                    problems.add(d.message());
                } else if (r instanceof MacAllocator.Registration.Invalid i && i.nic().vm().equals(v.name())) {
                    problems.add("M-01 " + i.nic() + ".mac = " + i.text() + ": " + i.reason());
                }
            }
            if (!problems.isEmpty()) {
                broken++;
                err.println("cell render: " + file + ": VM '" + v.name() + "' breaks " + String.join("; ", problems));
                continue;
            }
            try {
                xml.add(ClusterRendering.of(cluster, withMacs.get(v.name()), domainType).xml());
            } catch (DomainXmlException e) {
                throw new InputError(file + ": " + e.getMessage());
            }
        }
        // Several domains are separated by a blank line; one VM is exactly one XML document.
        out.print(String.join("\n", xml));
        out.flush();
        return broken == 0 ? ExitCode.OK : ExitCode.FINDINGS;
    }

    static final class TypeConverter implements CommandLine.ITypeConverter<DomainType> {
        @Override
        public DomainType convert(String value) {
            try {
                return DomainType.fromXml(value.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected kvm or qemu, got '" + value + "'");
            }
        }
    }
}
