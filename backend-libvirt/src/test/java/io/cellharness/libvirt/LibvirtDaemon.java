package io.cellharness.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
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
 * One real libvirtd (with its QEMU driver) started by the tests as root, beside any other: its own mount namespace
 * ({@code unshare --mount}) bind-mounts private directories over {@code /etc/libvirt}, {@code /run/libvirt},
 * {@code /var/lib/libvirt}, {@code /var/cache/libvirt} and {@code /var/log/libvirt}, so two daemons do not share state,
 * sockets or QEMU monitors. The socket is reached from outside at {@code <dir>/run/libvirt-sock}. Stopped by PID.
 * See TESTING.md.
 */
final class LibvirtDaemon implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LibvirtDaemon.class.getName());

    private final String name;
    private final Path dir;
    private final int index;
    private Process process;

    private LibvirtDaemon(String name, Path dir, int index) {
        this.name = name;
        this.dir = dir;
        this.index = index;
    }

    /** Lays out the daemon's directories and configuration under {@code root/name} and launches it (not yet ready). */
    static LibvirtDaemon launch(Path root, String name, int index) {
        LibvirtDaemon d = new LibvirtDaemon(name, root.resolve(name), index);
        d.configure();
        d.startProcess();
        return d;
    }

    String name() {
        return name;
    }

    /** The URI of this daemon's read-write socket. */
    String uri() {
        return "qemu+unix:///system?socket=" + dir.resolve("run/libvirt-sock");
    }

    /** The daemon's PID: {@code unshare} and {@code sh} exec into libvirtd, so it is the launched process itself. */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Blocks until the daemon answers and its QEMU capabilities are probed (the first probe takes seconds). */
    void awaitReady(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        String last = "socket not there yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ": " + log());
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
        throw new IllegalStateException(name + " not ready within " + timeoutMillis + " ms (" + last + "): " + log());
    }

    /** Stops the daemon (SIGTERM, then SIGKILL); its guests keep running, as with a real daemon restart. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
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
    void restart(long timeoutMillis) {
        stop();
        startProcess();
        awaitReady(timeoutMillis);
    }

    /** libc's kill(2), so that a test can freeze a daemon without a {@code kill} binary. */
    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int kill(int pid, int signal);
    }

    /** SIGSTOP on Linux: the daemon stops answering, as a hung daemon does (keepalive tests). */
    void freeze() {
        signal(19);
    }

    /** SIGCONT on Linux. */
    void thaw() {
        signal(18);
    }

    private void signal(int signal) {
        if (LibC.INSTANCE.kill((int) pid(), signal) != 0) {
            throw new IllegalStateException("kill(" + pid() + ", " + signal + ") failed: errno " + Native.getLastError());
        }
    }

    /** The daemon's log, for failure messages. */
    String log() {
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

    @Override
    public void close() {
        stop();
        killGuests();
    }

    /** Kills QEMU processes this daemon left (by the PID files libvirt writes for its guests). */
    void killGuests() {
        Path pids = dir.resolve("run/qemu");
        if (!Files.isDirectory(pids)) {
            return;
        }
        try (Stream<Path> files = Files.list(pids)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8).trim();
                if (!text.isEmpty()) {
                    ProcessHandle.of(Long.parseLong(text)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot clean up guests of {0}: {1}", name, e.getMessage());
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
            // comes with libvirt-daemon-system, which these tests do not need. Give the daemon's namespace one.
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
            throw new UncheckedIOException(e);
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
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
