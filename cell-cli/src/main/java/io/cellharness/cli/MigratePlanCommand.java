package io.cellharness.cli;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.migration.MigrationFallback;
import io.cellharness.core.migration.MigrationOptions;
import io.cellharness.core.migration.MigrationPlan;
import io.cellharness.core.migration.MigrationPlanner;
import io.cellharness.core.migration.MigrationPrediction;
import io.cellharness.core.migration.PreCopyModel;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.network.StandardBridge;
import io.cellharness.core.spec.SpecCodec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cell migrate-plan}: how a live migration would go (G-01 … G-04). From flags alone it is the pre-copy model's
 * prediction; from a cluster file it is the planner's answer for one VM and target host, CPU eligibility first.
 */
@Command(name = "migrate-plan", mixinStandardHelpOptions = true,
        description = {"Predict a live migration (G-01 .. G-04) from flags, or plan one for a VM of a cluster file.",
                "  cell migrate-plan --memory 64GiB --dirty-rate 500 --bandwidth 10",
                "  cell migrate-plan FILE.yaml --vm NAME --to HOST [--dirty-rate 500]",
                "Exit 0: it converges; 1: refused before anything is copied (CPU rules first, then capacity and"
                + " network) or it does not converge; 2: bad command line or file."})
final class MigratePlanCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..1",
            description = "Cluster file (YAML); with it, --vm and --to name the migration.")
    Path file;

    @Option(names = "--vm", paramLabel = "NAME", description = "The VM to migrate (with FILE).")
    String vm;

    @Option(names = "--to", paramLabel = "HOST", description = "The target host (with FILE).")
    String target;

    @Option(names = "--memory", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Guest memory, e.g. 64GiB (without FILE).")
    Size memory;

    @Option(names = "--disk", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Disk data to copy because storage is not shared, e.g. 100GiB (without FILE; default: none).")
    Size disk;

    @Option(names = "--dirty-rate", paramLabel = "MiB/s", converter = DirtyRateConverter.class,
            description = "How fast the guest writes memory, MiB/s (default: 0, an idle guest).")
    Double dirtyRate;

    @Option(names = "--bandwidth", paramLabel = "Gb/s", converter = BandwidthConverter.class,
            description = "Management network bandwidth, Gb/s (required without FILE; with FILE it overrides the "
                    + "hosts' management bonds).")
    Double bandwidth;

    @Option(names = "--max-downtime", paramLabel = "TIME", converter = DowntimeConverter.class,
            description = "Longest pause at switch-over, e.g. 300ms or 1s (default: "
                    + Limits.MIGRATION_DEFAULT_MAX_DOWNTIME_MILLIS + "ms).")
    Long maxDowntimeMillis;

    @Option(names = "--auto-converge", description = "Let QEMU throttle the guest's vCPUs to converge.")
    boolean autoConverge;

    @Option(names = "--max-iterations", paramLabel = "N", converter = IterationsConverter.class,
            description = "Pre-copy passes before the fallback applies (default: "
                    + Limits.MIGRATION_DEFAULT_MAX_ITERATIONS + ").")
    Integer maxIterations;

    @Option(names = "--fallback", paramLabel = "abort|suspend", converter = FallbackConverter.class,
            description = "What happens when it does not converge: abort (the VM stays) or suspend (pause and "
                    + "finish) (default: abort).")
    MigrationFallback fallback;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        MigrationOptions options = options();
        return file == null ? fromFlags(options) : fromFile(options);
    }

    /** The options as the engine takes them: its defaults, with what the command line gives. */
    MigrationOptions options() {
        MigrationOptions options = MigrationOptions.defaults().withAutoConverge(autoConverge);
        if (dirtyRate != null) {
            options = options.withDirtyRate(dirtyRate);
        }
        if (maxDowntimeMillis != null) {
            options = options.withMaxDowntime(maxDowntimeMillis);
        }
        if (maxIterations != null) {
            options = options.withMaxIterations(maxIterations);
        }
        if (fallback != null) {
            options = options.withFallback(fallback);
        }
        if (bandwidth != null) {
            options = options.withBandwidth(bandwidth);
        }
        return options;
    }

    private int fromFlags(MigrationOptions options) {
        if (vm != null || target != null) {
            throw new InputError("--vm and --to name a VM and host of a cluster FILE; give the file first");
        }
        if (memory == null || bandwidth == null) {
            throw new InputError("without a cluster FILE, --memory and --bandwidth are required, e.g. "
                    + "--memory 64GiB --bandwidth 10");
        }
        long diskBytes = disk == null ? 0 : disk.bytes();
        MigrationPrediction prediction = PreCopyModel.predict(memory.bytes(), diskBytes, bandwidth, options);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("memory", memory.toString());
            doc.put("memoryBytes", memory.bytes());
            doc.put("diskBytes", diskBytes);
            doc.put("options", optionsDoc(options));
            putPrediction(doc, prediction);
            out.println(SpecCodec.toJson(doc));
        } else {
            out.println("pre-copy live migration of " + memory + " of memory" + (diskBytes == 0 ? ""
                    : " and " + Size.ofBytes(diskBytes) + " of unshared disk") + " at " + number(bandwidth) + " Gb/s");
            out.println("  " + describe(options));
            printPrediction(out, prediction);
        }
        return prediction.converges() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private int fromFile(MigrationOptions options) {
        if (memory != null || disk != null) {
            throw new InputError("--memory and --disk come from the cluster file; leave them out with FILE");
        }
        if (vm == null || target == null) {
            throw new InputError("with a cluster FILE, --vm NAME and --to HOST are required");
        }
        ClusterSpec cluster = InputFiles.loadCluster(file).cluster();
        if (cluster.vm(vm).isEmpty()) {
            throw new InputError(file + ": no VM named '" + vm + "'");
        }
        if (cluster.host(target).isEmpty()) {
            throw new InputError(file + ": no host named '" + target + "'");
        }
        MigrationPlan plan = MigrationPlanner.plan(cluster, vm, target, options);
        PrintWriter out = spec.commandLine().getOut();
        if (plan instanceof MigrationPlan.Refused refused) {
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("file", file.toString());
                doc.put("vm", refused.vm());
                doc.put("source", refused.source());
                doc.put("target", refused.target());
                doc.put("ready", false);
                doc.put("rule", refused.rule());
                doc.put("reason", refused.reason());
                out.println(SpecCodec.toJson(doc));
            } else {
                out.println(refused.vm() + ": " + (refused.source() == null ? "" : refused.source() + " -> ")
                        + refused.target() + " refused before anything is copied (" + refused.rule() + "): "
                        + refused.reason());
            }
            return ExitCode.FINDINGS;
        }
        MigrationPlan.Ready ready = (MigrationPlan.Ready) plan;
        MigrationPrediction prediction = ready.prediction();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toString());
            doc.put("vm", ready.vm());
            doc.put("source", ready.source());
            doc.put("target", ready.target());
            doc.put("ready", true);
            Map<String, Object> cpu = new LinkedHashMap<>();
            cpu.put("rule", ready.cpu().rule());
            cpu.put("note", ready.cpu().note());
            doc.put("cpu", cpu);
            doc.put("request", ready.request());
            doc.put("options", optionsDoc(options));
            putPrediction(doc, prediction);
            out.println(SpecCodec.toJson(doc));
        } else {
            out.println(ready.vm() + ": " + ready.source() + " -> " + ready.target());
            out.println("  cpu          " + ready.cpu().rule() + " allowed: " + ready.cpu().note());
            out.println("  request      port " + ready.request().port() + " on the management network ("
                    + StandardBridge.MGMT.bridgeName() + ") at " + number(ready.bandwidthGbps()) + " Gb/s, "
                    + (ready.request().copyStorage() ? "copying unshared disk data" : "storage shared"));
            out.println("  " + describe(options));
            printPrediction(out, prediction);
        }
        return prediction.converges() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private static Map<String, Object> optionsDoc(MigrationOptions options) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("dirtyRateMibPerSecond", options.dirtyRateMibPerSecond());
        doc.put("maxDowntimeMillis", options.maxDowntimeMillis());
        doc.put("autoConverge", options.autoConverge());
        doc.put("maxIterations", options.maxIterations());
        doc.put("fallback", options.fallback().yamlName());
        return doc;
    }

    private static void putPrediction(Map<String, Object> doc, MigrationPrediction prediction) {
        doc.put("converges", prediction.converges());
        doc.put("completes", prediction.completes());
        doc.put("prediction", prediction);
    }

    private static String describe(MigrationOptions options) {
        return "options      dirty rate " + number(options.dirtyRateMibPerSecond()) + " MiB/s, max downtime "
                + options.maxDowntimeMillis() + " ms, auto-converge " + (options.autoConverge() ? "on" : "off")
                + ", at most " + options.maxIterations() + " passes, fallback " + options.fallback();
    }

    private static void printPrediction(PrintWriter out, MigrationPrediction p) {
        String outcome = switch (p.outcome()) {
            case CONVERGED -> "converges after " + passes(p.iterations());
            case FORCED -> "does not converge in " + passes(p.iterations()) + "; the suspend fallback finishes it";
            case ABORTED -> "does not converge in " + passes(p.iterations()) + "; aborted, the VM stays on the source";
        };
        out.println("  outcome      " + outcome);
        out.println("  duration     " + p.durationMillis() + " ms (" + seconds(p.durationMillis()) + ")");
        out.println("  downtime     " + p.downtimeMillis() + " ms");
        out.println("  transferred  " + p.bytesTransferred() + " bytes (" + gib(p.bytesTransferred()) + "): memory "
                + p.memoryBytesSent() + ", disk " + p.diskBytes());
        if (p.finalThrottlePercent() > 0) {
            out.println("  throttle     " + p.finalThrottlePercent() + " % of the guest's vCPUs at the end");
        }
        out.println("  network      " + number(p.bandwidthGbps()) + " Gb/s" + (p.slowNetwork() ? ", slow (G-03)"
                : ", at or above the recommended " + Limits.MIGRATION_RECOMMENDED_BANDWIDTH_GBPS + " Gb/s"));
        for (String line : p.advice()) {
            out.println("  " + line);
        }
    }

    private static String passes(int n) {
        return n + (n == 1 ? " pass" : " passes");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", (double) bytes / Limits.GIB);
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%d", (long) value)
                : String.format(Locale.ROOT, "%s", value);
    }

    // ---- converters: each refusal is the one line picocli prints after "Invalid value for option ..." ----

    /** A decimal number without sign or exponent: what a person types for a rate or a bandwidth. */
    private static final Pattern DECIMAL = Pattern.compile("\\d+(?:\\.\\d+)?");

    static final class SizeConverter implements CommandLine.ITypeConverter<Size> {
        @Override
        public Size convert(String value) {
            try {
                return Size.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class BandwidthConverter implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            if (!DECIMAL.matcher(value.trim()).matches() || !(Double.parseDouble(value.trim()) > 0)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a bandwidth; write Gb/s "
                        + "above 0, like 10 or 2.5");
            }
            return Double.parseDouble(value.trim());
        }
    }

    static final class DirtyRateConverter implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            if (!DECIMAL.matcher(value.trim()).matches()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a dirty rate; write MiB/s, "
                        + "0 or more, like 500");
            }
            return Double.parseDouble(value.trim());
        }
    }

    static final class DowntimeConverter implements CommandLine.ITypeConverter<Long> {
        private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)?");

        @Override
        public Long convert(String value) {
            Matcher m = TIME.matcher(value.trim());
            if (m.matches()) {
                double millis = Double.parseDouble(m.group(1)) * ("s".equals(m.group(2)) ? 1000 : 1);
                if (millis >= 1 && millis == Math.rint(millis) && millis <= Integer.MAX_VALUE) {
                    return (long) millis;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a downtime; write whole "
                    + "milliseconds above 0, like 300ms or 1s");
        }
    }

    static final class IterationsConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int passes = Integer.parseInt(value.trim());
                if (passes >= 1) {
                    return passes;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number of passes; write a "
                    + "whole number of 1 or more");
        }
    }

    static final class FallbackConverter implements CommandLine.ITypeConverter<MigrationFallback> {
        @Override
        public MigrationFallback convert(String value) {
            try {
                return MigrationFallback.fromYaml(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
