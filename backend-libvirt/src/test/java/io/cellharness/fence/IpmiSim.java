package io.cellharness.fence;

import io.cellharness.core.port.PowerState;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real IPMI BMC for tests: OpenIPMI's {@code ipmi_sim} on a free loopback UDP port, one BMC (MC 0x20) with one
 * admin user, whose chassis power is a file that a chassis-control script reads and writes; every power command the
 * BMC receives is appended to a log. Started and stopped by {@link IpmiSimExtension}.
 */
final class IpmiSim implements AutoCloseable {

    static final String USERNAME = "fenceadmin";
    /** A test password: here only to prove it never reaches a command line or a reason. */
    static final String PASSWORD = "Sim-Secret-7f3a";

    private final Path directory;
    private final Process process;
    private final int port;

    private IpmiSim(Path directory, Process process, int port) {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    /** Starts ipmi_sim and waits until it answers a power status read (a few tries on a new port each). */
    static IpmiSim start() throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("ipmi-sim-");
        IOException lastProblem = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            int port = unusedUdpPort();
            writeConfiguration(directory, port);
            Files.createDirectories(directory.resolve("state"));
            Process process = new ProcessBuilder("ipmi_sim",
                    "-c", directory.resolve("lan.conf").toString(),
                    "-f", directory.resolve("bmc.emu").toString(),
                    "-s", directory.resolve("state").toString(),
                    "-n")
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("ipmi_sim.log").toFile())
                    .start();
            process.getOutputStream().close();
            IpmiSim sim = new IpmiSim(directory, process, port);
            if (sim.awaitAnswer()) {
                sim.reset();
                return sim;
            }
            lastProblem = new IOException("ipmi_sim on 127.0.0.1:" + port + " did not answer (attempt " + attempt
                    + "); its log: " + Files.readString(directory.resolve("ipmi_sim.log"), StandardCharsets.UTF_8));
            sim.stopProcess();
        }
        deleteTree(directory);
        throw lastProblem;
    }

    /** A loopback UDP port nothing listens on right now. */
    static int unusedUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void writeConfiguration(Path directory, int port) throws IOException {
        Path script = directory.resolve("chassis-control.sh");
        Path power = directory.resolve("power");
        Path log = directory.resolve("commands.log");
        Files.writeString(power, "1\n", StandardCharsets.UTF_8); // the host starts powered on
        Files.writeString(directory.resolve("lan.conf"), String.join("\n",
                "# One BMC on loopback for the fencing tests; chassis power goes through chassis-control.sh.",
                "name \"cellfence\"",
                "set_working_mc 0x20",
                "  startlan 1",
                "    addr 127.0.0.1 " + port,
                "    priv_limit admin",
                "    allowed_auths_callback md5",
                "    allowed_auths_user md5",
                "    allowed_auths_operator md5",
                "    allowed_auths_admin md5",
                "    guid a123456789abcdefa123456789abcdef",
                "  endlan",
                "  chassis_control \"/bin/sh " + script + " 0x20\"",
                "  user 2 true \"" + USERNAME + "\" \"" + PASSWORD + "\" admin 10 md5",
                ""), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("bmc.emu"), String.join("\n",
                "mc_setbmc 0x20",
                "mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02",
                "mc_enable 0x20",
                ""), StandardCharsets.UTF_8);
        // ipmi_sim runs "<script> 0x20 get power" (prints power:0|1) and "<script> 0x20 set power 0|1" or
        // "... set reset 1" (prints nothing on success), as OpenIPMI's ipmi_sim_chassiscontrol example documents.
        Files.writeString(script, String.join("\n",
                "#!/bin/sh",
                "state='" + power + "'",
                "log='" + log + "'",
                "op=$2",
                "shift 2",
                "case \"$op\" in",
                "  get)",
                "    for parm in \"$@\"; do",
                "      case \"$parm\" in",
                "        power) echo \"power:$(cat \"$state\")\" ;;",
                "        boot) echo \"boot:default\" ;;",
                "        *) echo \"Invalid parameter: $parm\"; exit 1 ;;",
                "      esac",
                "    done ;;",
                "  set)",
                "    while [ $# -ge 2 ]; do",
                "      echo \"$1 $2\" >> \"$log\"",
                "      [ -e '" + directory.resolve("ignore") + "' ] && { shift 2; continue; }",
                "      case \"$1\" in",
                "        power) echo \"$2\" > \"$state\" ;;",
                "      esac",
                "      shift 2",
                "    done ;;",
                "  *) echo \"Unknown operation: $op\"; exit 1 ;;",
                "esac",
                ""), StandardCharsets.UTF_8);
    }

    private boolean awaitAnswer() throws IOException, InterruptedException {
        for (int probe = 0; probe < 10 && process.isAlive(); probe++) {
            ProcessBuilder ipmitool = new ProcessBuilder("ipmitool", "-I", "lanplus", "-C", "3",
                    "-H", "127.0.0.1", "-p", Integer.toString(port), "-U", USERNAME, "-E", "-N", "1", "-R", "0",
                    "chassis", "power", "status")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            ipmitool.environment().put("IPMI_PASSWORD", PASSWORD);
            Process probeProcess = ipmitool.start();
            if (!probeProcess.waitFor(10, TimeUnit.SECONDS)) {
                probeProcess.destroyForcibly();
            } else if (probeProcess.exitValue() == 0) {
                return true;
            }
        }
        return false;
    }

    BmcAddress address() {
        return new BmcAddress("127.0.0.1", port);
    }

    BmcCredentials credentials() {
        return new BmcCredentials(USERNAME, PASSWORD);
    }

    long pid() {
        return process.pid();
    }

    /** The chassis power as the simulated hardware has it (the file the script keeps). */
    PowerState power() {
        try {
            String value = Files.readString(directory.resolve("power"), StandardCharsets.UTF_8).strip();
            return value.equals("0") ? PowerState.OFF : PowerState.ON;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every power command the BMC carried out, oldest first: "power 0", "power 1", "reset 1". */
    List<String> chassisCommands() {
        Path log = directory.resolve("commands.log");
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Power on, no commands recorded: each test starts from here. */
    void reset() {
        try {
            Files.writeString(directory.resolve("power"), "1\n", StandardCharsets.UTF_8);
            Files.deleteIfExists(directory.resolve("commands.log"));
            Files.deleteIfExists(directory.resolve("ignore"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now until {@link #reset()}, the BMC acknowledges power commands (and logs them) but changes nothing. */
    void ignoreCommands() {
        try {
            Files.writeString(directory.resolve("ignore"), "", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stopProcess() throws InterruptedException {
        process.destroy(); // SIGTERM to this PID
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopProcess();
        deleteTree(directory);
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            List<Path> all = new ArrayList<>(paths.toList());
            all.sort(Comparator.reverseOrder());
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }

    /** Whether {@code name} is an executable on PATH. */
    static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}
