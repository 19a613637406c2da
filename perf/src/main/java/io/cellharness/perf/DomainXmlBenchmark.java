package io.cellharness.perf;

import io.cellharness.core.model.VmSpec;
import io.cellharness.libvirt.xml.DomXml;
import io.cellharness.libvirt.xml.DomainXmlParser;
import io.cellharness.libvirt.xml.DomainXmlRenderer;
import io.cellharness.libvirt.xml.ParsedDomain;
import io.cellharness.libvirt.xml.RenderContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Element;

/**
 * a VM's libvirt domain definition written ({@link DomainXmlRenderer#render}) and read back
 * ({@link DomainXmlParser#parse}), per VM, for VMs of growing size (see {@link BenchmarkVms}).
 *
 * <p>Baseline: the JDK's DOM parse of the same XML with the parser's settings ({@link DomXml#parse}), the floor
 * under {@code parse}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class DomainXmlBenchmark {

    @Param({"minimal", "typical", "maximal"})
    public String vm;

    private VmSpec spec;
    private RenderContext context;
    private String xml;

    @Setup(Level.Trial)
    public void render() {
        spec = BenchmarkVms.vm(vm, "bench-" + vm);
        context = BenchmarkVms.context();
        xml = DomainXmlRenderer.render(spec, context);
        if (!DomainXmlParser.parse(xml).vm().equals(spec)) {
            throw new IllegalStateException("the " + vm + " VM does not read back as written");
        }
    }

    @Benchmark
    public String renderVm() {
        return DomainXmlRenderer.render(spec, context);
    }

    @Benchmark
    public ParsedDomain parseVm() {
        return DomainXmlParser.parse(xml);
    }

    @Benchmark
    public Element baselineDomParse() {
        return DomXml.parse(xml, "the domain definition");
    }
}
