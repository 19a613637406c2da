package io.cellharness.perf;

import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.OpResult;
import io.cellharness.libvirt.LibvirtCallExecutors;
import io.cellharness.libvirt.LibvirtHypervisor;
import io.cellharness.libvirt.MigrationPeers;
import io.cellharness.libvirt.connect.LibvirtCallException;
import io.cellharness.libvirt.connect.LibvirtConnection;
import io.cellharness.libvirt.connect.LibvirtDirectCalls;
import io.cellharness.libvirt.connect.LibvirtSettings;
import io.cellharness.libvirt.xml.DomainXmlRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.libvirt.LibvirtException;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * defining a VM on libvirt's in-process test driver ({@code test:///<node file>}), through the harness and
 * alone, to show the share of a libvirt call the harness adds. Each operation defines the VM and undefines it again:
 * the renderer writes no UUID, so libvirt gives every definition a new one and refuses to redefine a name that exists
 * with another.
 *
 * <ul>
 *   <li>{@code defineAndUndefineThroughHypervisor}: {@link LibvirtHypervisor#define} then
 *       {@link LibvirtHypervisor#undefine}, each awaited: render the XML, hop to the bounded libvirt-call pool, make
 *       the call ({@code virDomainDefineXMLFlags(VALIDATE)}, then look the domain up and undefine it), deliver the
 *       result on the engine's thread;</li>
 *   <li>{@code baselineLibvirtCallsAlone}: the same libvirt calls with the XML rendered beforehand, on the calling
 *       thread ({@link LibvirtDirectCalls#defineValidated}, then lookup and undefine through libvirt-java);</li>
 *   <li>{@code baselineLibvirtCallsUnvalidated}: the same without {@code VALIDATE} (libvirt-java's
 *       {@code domainDefineXML}), to show what libvirt's schema check costs.</li>
 * </ul>
 * Each uses its own connection (a test driver node file opened twice is two hosts). perf/run leaves this benchmark
 * out, saying so in the results, when libvirt cannot be loaded ({@link io.cellharness.perf.report.LibvirtProbe}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class LibvirtDefineBenchmark {

    @Param({"minimal", "typical", "maximal"})
    public String vm;

    private Path dir;
    private ThreadPoolExecutor calls;
    private ExecutorService engine;
    private LibvirtHypervisor hypervisor;
    private LibvirtConnection raw;
    private LibvirtConnection.Handle handle;
    private VmSpec spec;
    private String xml;

    /** A node file for libvirt's test driver: one host of 2 x 8 cores and 64 GiB. */
    static String nodeXml() {
        return """
                <node>
                  <cpu>
                    <nodes>1</nodes>
                    <sockets>2</sockets>
                    <cores>8</cores>
                    <threads>2</threads>
                    <active>32</active>
                    <mhz>2400</mhz>
                    <model>x86_64</model>
                  </cpu>
                  <memory>67108864</memory>
                </node>
                """;
    }

    @Setup(Level.Trial)
    public void open() throws IOException, LibvirtException {
        dir = Files.createTempDirectory("cell-perf-libvirt");
        Path node = dir.resolve("bench-host.xml");
        Files.writeString(node, nodeXml(), StandardCharsets.UTF_8);
        String uri = "test://" + node.toAbsolutePath();
        calls = LibvirtCallExecutors.bounded("bench-host");
        engine = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "engine");
            t.setDaemon(true);
            return t;
        });
        hypervisor = new LibvirtHypervisor("bench-host", uri, BenchmarkVms.context(), MigrationPeers.none(), calls,
                engine, LibvirtSettings.DEFAULTS);
        raw = new LibvirtConnection(uri, LibvirtSettings.DEFAULTS);
        handle = raw.handle();
        spec = BenchmarkVms.vm(vm, "bench-" + vm);
        xml = DomainXmlRenderer.render(spec, BenchmarkVms.context());
        defineAndUndefineThroughHypervisor();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        hypervisor.close();
        raw.close();
        calls.shutdownNow();
        engine.shutdownNow();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public OpResult<Void> defineAndUndefineThroughHypervisor() {
        ok("define", hypervisor.define(spec).toCompletableFuture().join());
        return ok("undefine", hypervisor.undefine(spec.name()).toCompletableFuture().join());
    }

    @Benchmark
    public String baselineLibvirtCallsAlone() throws LibvirtCallException, LibvirtException {
        LibvirtDirectCalls.defineValidated(handle, xml);
        handle.connect().domainLookupByName(spec.name()).undefine();
        return xml;
    }

    @Benchmark
    public String baselineLibvirtCallsUnvalidated() throws LibvirtException {
        handle.connect().domainDefineXML(xml).undefine();
        return xml;
    }

    /** A failed call must stop the benchmark rather than be measured as if it had worked. */
    private OpResult<Void> ok(String what, OpResult<Void> result) {
        if (!result.isOk()) {
            throw new IllegalStateException(what + " of the " + vm + " VM on libvirt's test driver: " + result.reason());
        }
        return result;
    }
}
