package io.cellharness.libvirt.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The local TCP ports a process of this machine listens on or is connected from, read from {@code /proc}: its file
 * descriptors name socket inodes, {@code /proc/net/tcp} and {@code tcp6} give each inode's local port. This is how the
 * scenarios see on which port a target QEMU received a migration stream (G-02), without running {@code ss}.
 */
public final class LocalTcpPorts {

    /** {@code TCP_ESTABLISHED} and {@code TCP_LISTEN} in /proc/net/tcp's {@code st} column. */
    private static final List<String> STATES = List.of("01", "0A");

    private LocalTcpPorts() {
    }

    /** The local ports of {@code pid}'s TCP sockets that listen or are established; empty if it is gone. */
    public static SortedSet<Integer> of(long pid) {
        SortedSet<String> inodes = new TreeSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed while we looked
                }
            }
        } catch (IOException e) {
            return new TreeSet<>();
        }
        SortedSet<Integer> ports = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table), StandardCharsets.US_ASCII)) {
                    String[] f = line.trim().split("\\s+");
                    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
                    if (f.length > 9 && STATES.contains(f[3]) && inodes.contains(f[9])) {
                        String local = f[1];
                        ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
                    }
                }
            } catch (IOException e) {
                // no IPv6 table on this machine
            }
        }
        return ports;
    }
}
