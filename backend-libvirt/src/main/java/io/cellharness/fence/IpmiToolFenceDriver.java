package io.cellharness.fence;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.BmcKind;
import io.cellharness.core.model.BmcSpec;
import io.cellharness.core.port.FenceDriver;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PowerState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Fences through the {@code ipmitool} binary over IPMI 2.0 (RMCP+, {@code -I lanplus}) with
 * {@code chassis power off|on|reset|status} (H-04).
 *
 * <p>The password goes to ipmitool only through its environment: {@code -E} makes it read {@value #PASSWORD_VARIABLE},
 * which is set in the child's (otherwise minimal) environment. It is never on the command line, where any user of the
 * machine could read it from the process list.
 *
 * <p>Each run is bounded twice: ipmitool's own per-message timeout and retries ({@code -N}, {@code -R}), and a hard
 * limit after which the process is killed and the outcome is unknown (H-09: a fence never hangs the manager). ipmitool
 * runs with {@code -v} so that a refused login can be told apart from a BMC that does not answer: the former ends
 * failed, the latter unknown.
 */
public final class IpmiToolFenceDriver implements FenceDriver {

    /** The IPMI-over-LAN (RMCP) port when the BMC address names none. */
    public static final int DEFAULT_PORT = 623;
    /** The environment variable {@code ipmitool -E} reads the password from. */
    public static final String PASSWORD_VARIABLE = "IPMI_PASSWORD";

    /**
     * How ipmitool is run.
     *
     * @param ipmitool          the binary, a path or a name looked up on PATH
     * @param lanTimeoutSeconds ipmitool {@code -N}: seconds to wait for one reply before retrying
     * @param lanRetries        ipmitool {@code -R}: retries of one request, at least 1 ({@code -R 0} never gives up)
     * @param commandTimeout    hard limit on one ipmitool run; past it the process is killed (outcome unknown)
     * @param cipherSuite       ipmitool {@code -C}, or null to let ipmitool negotiate (it asks the BMC for its
     *                          cipher suites, which some BMCs, ipmi_sim among them, do not answer)
     */
    public record Settings(String ipmitool, int lanTimeoutSeconds, int lanRetries, Duration commandTimeout,
                           Integer cipherSuite) {

        public Settings {
            Objects.requireNonNull(ipmitool, "ipmitool");
            Objects.requireNonNull(commandTimeout, "commandTimeout");
            if (ipmitool.isBlank()) {
                throw new IllegalArgumentException("ipmitool binary is empty");
            }
            if (lanTimeoutSeconds < 1) {
                throw new IllegalArgumentException("ipmitool -N must be at least 1 second, was " + lanTimeoutSeconds);
            }
            if (lanRetries < 1) {
                // ipmitool 1.8 takes -R 0 as "retry for ever" against a silent BMC
                throw new IllegalArgumentException("ipmitool -R must be at least 1, was " + lanRetries);
            }
            if (commandTimeout.isNegative() || commandTimeout.isZero()) {
                throw new IllegalArgumentException("ipmitool command timeout must be positive, was " + commandTimeout);
            }
            if (cipherSuite != null && cipherSuite < 0) {
                throw new IllegalArgumentException("ipmitool cipher suite must not be negative, was " + cipherSuite);
            }
        }

        /** {@code ipmitool} on PATH with the timeouts of {@link Limits} (H-09) and a negotiated cipher suite. */
        public static Settings defaults() {
            return new Settings("ipmitool", Limits.IPMI_LAN_TIMEOUT_SECONDS, Limits.IPMI_LAN_RETRIES,
                    Duration.ofMillis(Limits.IPMI_COMMAND_TIMEOUT_MS), null);
        }

        public Settings withIpmitool(String binary) {
            return new Settings(binary, lanTimeoutSeconds, lanRetries, commandTimeout, cipherSuite);
        }

        public Settings withLanTimeout(int seconds, int retries) {
            return new Settings(ipmitool, seconds, retries, commandTimeout, cipherSuite);
        }

        public Settings withCommandTimeout(Duration timeout) {
            return new Settings(ipmitool, lanTimeoutSeconds, lanRetries, timeout, cipherSuite);
        }

        public Settings withCipherSuite(int suite) {
            return new Settings(ipmitool, lanTimeoutSeconds, lanRetries, commandTimeout, suite);
        }
    }

    /** The {@code chassis power} sub-commands this driver issues. */
    enum PowerCommand {
        OFF("off"),
        ON("on"),
        RESET("reset"),
        STATUS("status");

        final String argument;

        PowerCommand(String argument) {
            this.argument = argument;
        }
    }

    private final String host;
    private final BmcAddress address;
    private final BmcCredentials credentials;
    private final Settings settings;
    private final FenceExecutors executors;

    /**
     * @param host        the host this BMC powers
     * @param address     where the BMC listens
     * @param credentials the BMC login (tests pass it directly; {@link #fromSpec} reads it from the environment)
     */
    public IpmiToolFenceDriver(String host, BmcAddress address, BmcCredentials credentials, Settings settings,
                               FenceExecutors executors) {
        this.host = Objects.requireNonNull(host, "host");
        this.address = Objects.requireNonNull(address, "address");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executors = Objects.requireNonNull(executors, "executors");
    }

    /**
     * The driver for a host's IPMI BMC; its password is read now from the environment variable the spec names.
     *
     * @throws IllegalArgumentException naming the host when the spec is not IPMI, its address is malformed or the
     *                                  credentials are missing
     */
    public static IpmiToolFenceDriver fromSpec(String host, BmcSpec bmc, Settings settings, FenceExecutors executors) {
        return fromSpec(host, bmc, settings, executors, BmcCredentials.fromEnvironment(host, bmc));
    }

    static IpmiToolFenceDriver fromSpec(String host, BmcSpec bmc, Settings settings, FenceExecutors executors,
                                        BmcCredentials credentials) {
        if (bmc.kind() != BmcKind.IPMI) {
            throw new IllegalArgumentException("host " + host + ": BMC " + bmc.address() + " is " + bmc.kind()
                    + ", not ipmi");
        }
        BmcAddress address;
        try {
            address = BmcAddress.parse(bmc.address(), DEFAULT_PORT);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("host " + host + ": " + malformed.getMessage(), malformed);
        }
        return new IpmiToolFenceDriver(host, address, credentials, settings, executors);
    }

    @Override
    public String host() {
        return host;
    }

    /** Where this driver's BMC listens. */
    public BmcAddress address() {
        return address;
    }

    @Override
    public CompletionStage<OpResult<Void>> powerOff() {
        return control(PowerCommand.OFF);
    }

    @Override
    public CompletionStage<OpResult<Void>> powerOn() {
        return control(PowerCommand.ON);
    }

    @Override
    public CompletionStage<OpResult<Void>> reset() {
        return control(PowerCommand.RESET);
    }

    @Override
    public CompletionStage<OpResult<PowerState>> powerStatus() {
        return executors.runBlocking(describe(PowerCommand.STATUS), () -> run(PowerCommand.STATUS).powerState());
    }

    private CompletionStage<OpResult<Void>> control(PowerCommand command) {
        return executors.runBlocking(describe(command), () -> run(command).control());
    }

    private String describe(PowerCommand command) {
        return "chassis power " + command.argument + " on BMC " + address + " of host " + host;
    }

    /**
     * The argv of one ipmitool run. It carries {@code -E} and never the password, which reaches ipmitool only
     * through {@value #PASSWORD_VARIABLE} in its environment.
     */
    List<String> commandLine(PowerCommand command) {
        List<String> argv = new ArrayList<>(20);
        argv.add(settings.ipmitool());
        argv.add("-I");
        argv.add("lanplus");
        argv.add("-H");
        argv.add(address.host());
        argv.add("-p");
        argv.add(Integer.toString(address.port()));
        argv.add("-U");
        argv.add(credentials.username());
        argv.add("-E");
        if (settings.cipherSuite() != null) {
            argv.add("-C");
            argv.add(Integer.toString(settings.cipherSuite()));
        }
        argv.add("-N");
        argv.add(Integer.toString(settings.lanTimeoutSeconds()));
        argv.add("-R");
        argv.add(Integer.toString(settings.lanRetries()));
        argv.add("-v"); // names the refusal (bad password, unknown user) instead of just "Unable to establish"
        argv.add("chassis");
        argv.add("power");
        argv.add(command.argument);
        return List.copyOf(argv);
    }

    /** Runs ipmitool once, blocking this (pool) thread for at most the hard command timeout. */
    private IpmiToolOutput run(PowerCommand command) {
        ProcessBuilder builder = new ProcessBuilder(commandLine(command));
        Map<String, String> environment = builder.environment();
        String path = environment.get("PATH");
        // Only what ipmitool needs: no other secrets of this process leak into the child.
        environment.clear();
        if (path != null) {
            environment.put("PATH", path);
        }
        environment.put("LC_ALL", "C"); // the messages classified below are ipmitool's English ones
        environment.put(PASSWORD_VARIABLE, credentials.password());

        Path stdout;
        Path stderr;
        try {
            // Files, not pipes: nothing has to drain them while we wait, so no second thread per call.
            stdout = Files.createTempFile("ipmitool-", ".out");
            stderr = Files.createTempFile("ipmitool-", ".err");
        } catch (IOException noFiles) {
            return IpmiToolOutput.notStarted(command, address, settings.ipmitool(),
                    "no temporary file for its output: " + noFiles.getMessage());
        }
        try {
            builder.redirectOutput(stdout.toFile());
            builder.redirectError(stderr.toFile());
            Process process;
            try {
                process = builder.start();
            } catch (IOException cannotStart) {
                return IpmiToolOutput.notStarted(command, address, settings.ipmitool(), cannotStart.getMessage());
            }
            long timeoutMillis = settings.commandTimeout().toMillis();
            try {
                closeQuietly(process);
                if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                    return IpmiToolOutput.unknownOutcome(command, address, "did not finish within "
                            + String.format(Locale.ROOT, "%.1f s", timeoutMillis / 1000.0) + "; killed ipmitool");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return IpmiToolOutput.unknownOutcome(command, address, "was interrupted; killed ipmitool");
            } finally {
                if (process.isAlive()) {
                    kill(process); // whatever ended the wait, no ipmitool outlives its call
                }
            }
            try {
                return IpmiToolOutput.finished(command, address, credentials.username(), process.exitValue(),
                        read(stdout), read(stderr));
            } catch (IOException unreadable) {
                return IpmiToolOutput.unknownOutcome(command, address, "finished but its output could not be read ("
                        + unreadable.getMessage() + ")");
            }
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close(); // ipmitool -E never reads its input
        } catch (IOException ignored) {
            // the child has already gone; waitFor says how it ended
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS); // reap it; SIGKILL cannot be ignored, so this is brief
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) throws IOException {
        // Lenient decoding: odd bytes from a BMC must not turn a readable answer into an exception.
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file holds ipmitool's output, never the password
        }
    }

    @Override
    public String toString() {
        return "IpmiToolFenceDriver[host=" + host + ", bmc=" + address + ", user=" + credentials.username() + "]";
    }
}
