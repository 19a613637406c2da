package io.cellharness.perf.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * What the benchmarks ran on, written beside the results as {@code machine.json}: cores, CPU model (from
 * /proc/cpuinfo), memory (from /proc/meminfo), OS, JVM, date, whether the libvirt benchmark could run, how long the
 * whole run took, and the load average (/proc/loadavg) when it started and ended: the machine may be shared, and a
 * loaded machine gives slower, noisier figures.
 *
 * <p>Usage: {@code MachineDescription <machine.json> <libvirt line from LibvirtProbe> [<run seconds> [<load average
 * at the start>]]}; the load average at the end is read when the description is written.
 */
public final class MachineDescription {

    /**
     * The machine.
     *
     * @param cpuModel       {@code model name} of /proc/cpuinfo, or the {@code os.arch} when it cannot be read
     * @param cores          processors the JVM may use
     * @param cpuThreads     {@code processor} entries of /proc/cpuinfo (0 when unreadable)
     * @param memoryBytes    {@code MemTotal} of /proc/meminfo (0 when unreadable)
     * @param os             OS name and version
     * @param jvm            JVM name, vendor and version
     * @param date           when the description was written (UTC, ISO-8601)
     * @param libvirt        {@code available: ...} or {@code unavailable: why}
     * @param runSeconds     how long {@code perf/run} took, or 0 when not yet known
     * @param loadAtStart    the 1, 5 and 15 minute load averages when the run started ("" when not known)
     * @param loadAtEnd      the same when the description was written
     */
    public record Machine(String cpuModel, int cores, int cpuThreads, long memoryBytes, String os, String jvm,
                          String date, String libvirt, long runSeconds, String loadAtStart, String loadAtEnd) {
    }

    private MachineDescription() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: MachineDescription <machine.json> <libvirt probe line> [<run seconds> "
                    + "[<load average at the start>]]");
            System.exit(2);
        }
        long runSeconds = args.length > 2 ? Long.parseLong(args[2]) : 0;
        String loadAtStart = args.length > 3 ? loadAverages(args[3]) : "";
        Machine machine = describe(readIfPresent(Path.of("/proc/cpuinfo")), readIfPresent(Path.of("/proc/meminfo")),
                args[1], runSeconds, loadAtStart, loadAverages(readIfPresent(Path.of("/proc/loadavg"))));
        write(machine, Path.of(args[0]));
    }

    /** The machine, from the text of /proc/cpuinfo and /proc/meminfo (empty when unreadable). */
    static Machine describe(String cpuinfo, String meminfo, String libvirt, long runSeconds, String loadAtStart,
                            String loadAtEnd) {
        String model = System.getProperty("os.arch");
        int threads = 0;
        for (String line : cpuinfo.lines().toList()) {
            if (line.startsWith("model name") && line.contains(":")) {
                model = line.substring(line.indexOf(':') + 1).trim();
            }
            if (line.startsWith("processor") && line.contains(":")) {
                threads++;
            }
        }
        long memory = 0;
        for (String line : meminfo.lines().toList()) {
            if (line.startsWith("MemTotal:")) {
                List<String> parts = List.of(line.substring("MemTotal:".length()).trim().split("\\s+"));
                memory = Long.parseLong(parts.get(0)) * (parts.size() > 1
                        && parts.get(1).toLowerCase(Locale.ROOT).equals("kb") ? 1024 : 1);
            }
        }
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.vendor") + " "
                + System.getProperty("java.runtime.version");
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
        return new Machine(model, Runtime.getRuntime().availableProcessors(), threads, memory, os, jvm,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), libvirt, runSeconds, loadAtStart, loadAtEnd);
    }

    /** The first three fields of /proc/loadavg's text: {@code 0.52 0.58 0.59}. */
    static String loadAverages(String loadavg) {
        String[] fields = loadavg.trim().split("\\s+");
        return fields.length < 3 ? "" : fields[0] + " " + fields[1] + " " + fields[2];
    }

    static void write(Machine machine, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(machine);
        Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
    }

    /** Reads {@code file} back. */
    public static Machine read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), Machine.class);
    }

    private static String readIfPresent(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
