package io.cellharness.perf;

import io.cellharness.core.storage.IoPath;
import io.cellharness.core.storage.MonitorPathSelector;
import io.cellharness.core.storage.MonitorSettings;
import io.cellharness.core.storage.Proximity;
import java.util.Locale;
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

/**
 * S-04 … S-08: the per-I/O decision of the Glue path selector, on a cluster of {@code hosts} hosts with
 * {@link #MONITORS} monitors and 20 VMs attached per host, every path healthy.
 *
 * <ul>
 *   <li>{@code pathOfVm}: which monitor a VM's I/O goes through ({@link MonitorPathSelector#pathOf}), VMs taken in
 *       turn over the whole cluster;</li>
 *   <li>{@code pathOfHost}: the same for a host ({@link MonitorPathSelector#path});</li>
 *   <li>{@code issueWrite}: a guest write queued on its path ({@link MonitorPathSelector#issueWrite}), VMs in turn;
 *       after each pass over all VMs every host's monitor answers once, acknowledging that host's 20 writes, so the
 *       queues stay bounded. The score therefore includes a twentieth of a monitor answer per write.</li>
 * </ul>
 * Baseline: picking the next VM name, which every measured method also does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class MonitorPathBenchmark {

    /** Glue monitors, on the first hosts: a Ceph cluster runs a few (3 or 5), not one per host. */
    public static final int MONITORS = 5;

    @Param({"10", "100", "1000"})
    public int hosts;

    private MonitorPathSelector selector;
    private String[] hostNames;
    private String[] vmNames;
    private int nextVm;
    private int nextHost;

    @Setup(Level.Trial)
    public void attach() {
        selector = new MonitorPathSelector(() -> 0L, MonitorSettings.DEFAULTS, Proximity.UNIFORM, change -> { });
        hostNames = new String[hosts];
        vmNames = new String[hosts * BenchmarkClusters.VMS_PER_HOST];
        for (int h = 0; h < hosts; h++) {
            hostNames[h] = String.format(Locale.ROOT, "cube%04d", h + 1);
        }
        for (int m = 0; m < Math.min(MONITORS, hosts); m++) {
            selector.addMonitor(hostNames[m * hosts / Math.min(MONITORS, hosts)]);
        }
        for (String host : hostNames) {
            selector.addHost(host);
        }
        // VMs interleaved over hosts, as the cluster places them, so consecutive VMs live on different hosts.
        for (int v = 0; v < vmNames.length; v++) {
            vmNames[v] = String.format(Locale.ROOT, "vm%06d", v + 1);
            selector.attachVm(vmNames[v], hostNames[v % hosts]);
        }
    }

    private String nextVm() {
        String vm = vmNames[nextVm];
        nextVm = nextVm + 1 == vmNames.length ? 0 : nextVm + 1;
        return vm;
    }

    @Benchmark
    public IoPath pathOfVm() {
        return selector.pathOf(nextVm());
    }

    @Benchmark
    public IoPath pathOfHost() {
        String host = hostNames[nextHost];
        nextHost = nextHost + 1 == hostNames.length ? 0 : nextHost + 1;
        return selector.path(host);
    }

    @Benchmark
    public long issueWrite() {
        long sequence = selector.issueWrite(nextVm());
        if (nextVm == 0) {
            for (String host : hostNames) {
                IoPath path = selector.path(host);
                if (path instanceof IoPath.Via via) {
                    selector.recordAnswer(host, via.monitorHost(), 0L, 1L);
                }
            }
        }
        return sequence;
    }

    @Benchmark
    public String baselineNextVm() {
        return nextVm();
    }
}
