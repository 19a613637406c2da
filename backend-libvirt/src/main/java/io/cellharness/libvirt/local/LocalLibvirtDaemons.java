package io.cellharness.libvirt.local;

import io.cellharness.core.limits.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Several {@link LocalLibvirtDaemon}s under one temporary directory, launched together (each probes QEMU's
 * capabilities once, in parallel) and stopped together by PID; the directory is removed when they stop.
 */
public final class LocalLibvirtDaemons implements AutoCloseable {

    private final Path root;
    private final List<LocalLibvirtDaemon> daemons;

    private LocalLibvirtDaemons(Path root, List<LocalLibvirtDaemon> daemons) {
        this.root = root;
        this.daemons = List.copyOf(daemons);
    }

    /**
     * Starts one daemon per name and waits until every one answers.
     *
     * @throws IllegalStateException with one line when this machine cannot run them or one does not come up (the
     *                               others are stopped again)
     */
    public static LocalLibvirtDaemons start(List<String> names) {
        String missing = LocalLibvirtDaemon.missingPrerequisites();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("cannot start local libvirt daemons: missing " + missing);
        }
        Path root;
        try {
            root = Files.createTempDirectory("cell-libvirt-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for local libvirt daemons: " + e.getMessage(), e);
        }
        List<LocalLibvirtDaemon> started = new ArrayList<>();
        try {
            for (int i = 0; i < names.size(); i++) {
                started.add(LocalLibvirtDaemon.launch(root, names.get(i), i + 1));
            }
            for (LocalLibvirtDaemon d : started) {
                d.awaitReady(Limits.LOCAL_LIBVIRTD_READY_MILLIS);
            }
            return new LocalLibvirtDaemons(root, started);
        } catch (RuntimeException e) {
            new LocalLibvirtDaemons(root, started).close();
            throw e;
        }
    }

    public List<LocalLibvirtDaemon> daemons() {
        return daemons;
    }

    public LocalLibvirtDaemon daemon(String name) {
        return daemons.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no local libvirt daemon named " + name));
    }

    /** Stops every daemon by PID, kills the guests they left, and removes their directory. */
    @Override
    public void close() {
        for (LocalLibvirtDaemon d : daemons) {
            d.close();
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A socket or log still held; the temporary directory is only litter.
        }
    }
}
