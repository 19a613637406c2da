package io.cellharness.libvirt.local;

import io.cellharness.core.limits.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/**
 * One real libvirtd (with its QEMU driver) started as root beside any other: its own mount namespace
 * ({@code unshare --mount}) bind-mounts private directories over {@code /etc/libvirt}, {@code /run/libvirt},
 * {@code /var/lib/libvirt}, {@code /var/cache/libvirt} and {@code /var/log/libvirt}, so two daemons share no state,
 * sockets or QEMU monitors. The socket is reached from outside at {@code <dir>/run/libvirt-sock}. Stopped by PID:
 * {@code unshare} and {@code sh} exec into libvirtd, so the launched process is the daemon. See
 * backend-libvirt/TESTING.md.
 */
public final class LocalLibvirtDaemon implements AutoCloseable {

    /** The binaries a local daemon needs. */
    public static final List<String> BINARIES = List.of("/usr/sbin/libvirtd", "/usr/bin/qemu-system-x86_64",
            "/usr/bin/unshare");

    private static final System.Logger LOG = System.getLogger(LocalLibvirtDaemon.class.getName());

    private final String name;
    private final Path dir;
    private final int index;
    private Process process;

    private LocalLibvirtDaemon(String name, Path dir, int index) {
        this.name = name;
        this.dir = dir;
        this.index = index;
    }

    /**
     * Lays out the daemon's directories and configuration under {@code root/name} and launches it (not yet ready).
     *
     * @param index a number unique among the daemons of this machine, for the daemon's host UUID
     */
    public static LocalLibvirtDaemon launch(Path root, String name, int index) {
        LocalLibvirtDaemon d = new LocalLibvirtDaemon(name, root.resolve(name), index);
        d.configure();
        d.startProcess();
        return d;
    }

    /**
     * What this machine lacks to run local daemons ({@link #BINARIES}, root), as one line; empty when nothing is
     * missing.
     */
    public static String missingPrerequisites() {
        List<String> missing = new ArrayList<>();
        for (String binary : BINARIES) {
            if (!Files.isExecutable(Path.of(binary))) {
                missing.add(binary);
            }
        }
        if (!isRoot()) {
            missing.add("root (the daemons run in their own mount namespaces)");
        }
        return String.join(", ", missing);
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    public String name() {
        return name;
    }

    /** The daemon's private directory (etc, run, lib, cache, log). */
    public Path dir() {
        return dir;
    }

    /** The URI of this daemon's read-write socket. */
    public String uri() {
        return "qemu+unix:///system?socket=" + dir.resolve("run/libvirt-sock");
    }

    /** The daemon's PID: {@code unshare} and {@code sh} exec into libvirtd, so it is the launched process itself. */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /**
     * Blocks until the daemon answers and its QEMU capabilities are probed (the first probe takes seconds).
     *
     * @throws IllegalStateException with one line naming the daemon and its log when it exits or is not ready in time
     */
    public void awaitReady(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        String last = "socket not there yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("libvirtd " + name + " exited with " + process.exitValue()
                        + " (log: " + dir.resolve("stdout.log") + ", " + dir.resolve("log/libvirtd.log") + ")");
            }
            if (Files.exists(dir.resolve("run/libvirt-sock"))) {
                try {
                    Connect c = new Connect(uri());
                    try {
                        c.getCapabilities();
                        c.getMaxVcpus("qemu");
                        return;
                    } finally {
                        c.close();
                    }
                } catch (LibvirtException e) {
                    last = e.getMessage();
                }
            }
            pause(100);
        }
        throw new IllegalStateException("libvirtd " + name + " not ready within " + timeoutMillis + " ms (" + last
                + "; log: " + dir.resolve("log/libvirtd.log") + ")");
    }

    /**
     * Stops the daemon (SIGTERM to its PID, SIGKILL after {@link Limits#LOCAL_LIBVIRTD_STOP_MILLIS}); its guests keep
     * running, as after a daemon restart.
     */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(Limits.LOCAL_LIBVIRTD_STOP_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Path sock = dir.resolve("run/libvirt-sock");
        try {
            Files.deleteIfExists(sock);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "leftover socket {0}", sock);
        }
    }

    /** Starts the daemon again with the same state, as after a restart of the service. */
    public void restart(long timeoutMillis) {
        stop();
        startProcess();
        awaitReady(timeoutMillis);
    }

    /** The end of the daemon's output and log, for failure messages of tests. */
    public String log() {
        try {
            Path file = dir.resolve("log/libvirtd.log");
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            Path out = dir.resolve("stdout.log");
            String stdout = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
            String all = stdout + text;
            return all.length() > 4000 ? all.substring(all.length() - 4000) : all;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The PIDs of the QEMU processes of this daemon's running guests, from the PID files libvirt writes. */
    public List<Long> guestPids() {
        List<Long> pids = new ArrayList<>();
        Path files = dir.resolve("run/qemu");
        if (!Files.isDirectory(files)) {
            return pids;
        }
        try (Stream<Path> list = Files.list(files)) {
            for (Path f : list.filter(p -> p.toString().endsWith(".pid")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8).trim();
                if (!text.isEmpty()) {
                    pids.add(Long.parseLong(text));
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.log(System.Logger.Level.DEBUG, "guest PID files of {0}: {1}", name, e.getMessage());
        }
        return pids;
    }

    /** Stops the daemon and kills the guests it left. */
    @Override
    public void close() {
        stop();
        killGuests();
    }

    /** Kills QEMU processes this daemon left (by the PID files libvirt writes for its guests). */
    public void killGuests() {
        for (long pid : guestPids()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private void configure() {
        try {
            for (String sub : List.of("etc", "run", "lib", "cache", "log")) {
                Files.createDirectories(dir.resolve(sub));
            }
            Files.writeString(dir.resolve("etc/libvirtd.conf"), String.join("\n",
                    "unix_sock_dir = \"" + dir.resolve("run") + "\"",
                    "unix_sock_rw_perms = \"0700\"",
                    "auth_unix_rw = \"none\"",
                    "auth_unix_ro = \"none\"",
                    // Migration refuses a target with the source's host UUID ("the same host"): one per daemon.
                    String.format(Locale.ROOT, "host_uuid = \"00000000-0000-4000-8000-%012d\"", index),
                    "log_outputs = \"3:file:" + dir.resolve("log/libvirtd.log") + "\"",
                    ""), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("etc/qemu.conf"), String.join("\n",
                    "user = \"root\"",
                    "group = \"root\"",
                    "dynamic_ownership = 0",
                    "security_driver = \"none\"",
                    "cgroup_controllers = [ ]",
                    "namespaces = [ ]",
                    "stdio_handler = \"file\"",
                    ""), StandardCharsets.UTF_8);
            // Debian's QEMU driver looks up its compiled-in user 'libvirt-qemu' before it reads qemu.conf; that user
            // comes with libvirt-daemon-system, which is not needed here. Give the daemon's namespace one.
            List<String> passwd = new ArrayList<>(Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8));
            List<String> group = new ArrayList<>(Files.readAllLines(Path.of("/etc/group"), StandardCharsets.UTF_8));
            if (passwd.stream().noneMatch(l -> l.startsWith("libvirt-qemu:"))) {
                passwd.add("libvirt-qemu:x:64055:64055:Libvirt Qemu:/var/lib/libvirt:/usr/sbin/nologin");
            }
            if (group.stream().noneMatch(l -> l.startsWith("libvirt-qemu:"))) {
                group.add("libvirt-qemu:x:64055:");
            }
            Files.write(dir.resolve("passwd"), passwd, StandardCharsets.UTF_8);
            Files.write(dir.resolve("group"), group, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out libvirtd " + name + " under " + dir + ": " + e.getMessage(), e);
        }
    }

    private void startProcess() {
        String d = dir.toString();
        String script = String.join(" && ",
                "mount --bind " + d + "/passwd /etc/passwd",
                "mount --bind " + d + "/group /etc/group",
                "mkdir -p /etc/libvirt /run/libvirt /var/lib/libvirt /var/cache/libvirt /var/log/libvirt",
                "mount --bind " + d + "/etc /etc/libvirt",
                "mount --bind " + d + "/run /run/libvirt",
                "mount --bind " + d + "/lib /var/lib/libvirt",
                "mount --bind " + d + "/cache /var/cache/libvirt",
                "mount --bind " + d + "/log /var/log/libvirt",
                "exec libvirtd -f /etc/libvirt/libvirtd.conf -p " + d + "/libvirtd.pid");
        ProcessBuilder pb = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c", script)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()));
        pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start libvirtd " + name + ": " + e.getMessage(), e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for libvirtd", e);
        }
    }
}
