package io.cellharness.libvirt.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Linux bridge on this machine for the guests of local daemons (N-03 {@code br-VM.101}, N-04 ports), created with
 * iproute2's {@code ip} when absent and deleted again by {@link #close()} only if this object created it. The local
 * daemons share this machine's network namespace, so their guests' {@code vnet} ports all land on these bridges.
 */
public final class LocalBridge implements AutoCloseable {

    private static final long IP_SECONDS = 10;

    private final String name;
    private final boolean created;

    private LocalBridge(String name, boolean created) {
        this.name = name;
        this.created = created;
    }

    /** Whether bridges can be made here: root and {@code ip}. */
    public static boolean available() {
        return LocalLibvirtDaemon.isRoot() && ipBinary() != null;
    }

    /**
     * The bridge {@code name}, up; created if it does not exist.
     *
     * @throws IllegalStateException with one line when it cannot be created
     */
    public static LocalBridge ensure(String name) {
        boolean exists = Files.exists(Path.of("/sys/class/net", name));
        if (!exists) {
            ip("link", "add", "name", name, "type", "bridge");
        }
        ip("link", "set", name, "up");
        return new LocalBridge(name, !exists);
    }

    public String name() {
        return name;
    }

    /** The interfaces plugged into the bridge, e.g. {@code vnet3}, sorted. */
    public List<String> ports() {
        Path brif = Path.of("/sys/class/net", name, "brif");
        if (!Files.isDirectory(brif)) {
            return List.of();
        }
        try (var list = Files.list(brif)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        if (created && Files.exists(Path.of("/sys/class/net", name))) {
            ip("link", "del", name);
        }
    }

    private static String ipBinary() {
        for (String candidate : List.of("/usr/sbin/ip", "/usr/bin/ip", "/sbin/ip", "/bin/ip")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static void ip(String... args) {
        String binary = ipBinary();
        if (binary == null) {
            throw new IllegalStateException("cannot manage bridges: iproute2's ip is not installed");
        }
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(IP_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("ip " + String.join(" ", args) + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("ip " + String.join(" ", args) + " failed: " + out.replace('\n', ' '));
            }
        } catch (IOException e) {
            throw new IllegalStateException("ip " + String.join(" ", args) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: ip " + String.join(" ", args), e);
        }
    }
}
