package io.cellharness.libvirt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: two real libvirt daemons with QEMU (TCG), started once for the whole test run and stopped by PID
 * when it ends (JUnit closes the {@link AutoCloseable} stored in the root context). Tests take them as a {@code LibvirtDaemons} parameter of {@code @BeforeAll}.
 *
 * <p>Skipped (JUnit assumption) when libvirtd, QEMU, unshare or root are missing — unless the environment says
 * {@code CI=true}, where the daemons are part of what must pass and a missing piece fails the run.
 */
public final class LibvirtDaemons implements BeforeAllCallback, ParameterResolver, AutoCloseable {

    private static final long READY_MILLIS = 90_000;
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LibvirtDaemons.class);

    private final List<LibvirtDaemon> daemons = new ArrayList<>();
    private Path root;

    /** Only JUnit creates the shared instance; tests receive it as a parameter. */
    public LibvirtDaemons() {
    }

    LibvirtDaemon first() {
        return daemons.get(0);
    }

    LibvirtDaemon second() {
        return daemons.get(1);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String missing = missingPrerequisites();
        if (!missing.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true but the libvirt daemon tests cannot run: " + missing
                        + " (see backend-libvirt/TESTING.md)");
            }
            Assumptions.abort("libvirt daemon tests skipped: " + missing);
        }
        shared(context);
    }

    private static LibvirtDaemons shared(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("daemons", k -> {
            LibvirtDaemons d = new LibvirtDaemons();
            d.startAll();
            return d;
        }, LibvirtDaemons.class);
    }

    private void startAll() {
        try {
            root = Files.createTempDirectory("cell-libvirt-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // Launch both, then wait: each probes QEMU's capabilities once, and they do it in parallel.
        daemons.add(LibvirtDaemon.launch(root, "node-a", 1));
        daemons.add(LibvirtDaemon.launch(root, "node-b", 2));
        try {
            for (LibvirtDaemon d : daemons) {
                d.awaitReady(READY_MILLIS);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        for (LibvirtDaemon d : daemons) {
            d.close();
        }
        if (root != null) {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // A socket or log still held; the temp directory is only litter.
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == LibvirtDaemons.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return shared(extension);
    }

    static String missingPrerequisites() {
        List<String> missing = new ArrayList<>();
        for (String binary : List.of("/usr/sbin/libvirtd", "/usr/bin/qemu-system-x86_64", "/usr/bin/unshare")) {
            if (!Files.isExecutable(Path.of(binary))) {
                missing.add(binary);
            }
        }
        if (!isRoot()) {
            missing.add("root (the daemons run in their own mount namespaces)");
        }
        return String.join(", ", missing);
    }

    private static boolean isRoot() {
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
}
