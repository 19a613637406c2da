package io.cellharness.libvirt;

import io.cellharness.libvirt.local.LocalLibvirtDaemon;
import io.cellharness.libvirt.local.LocalLibvirtDaemons;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: two real libvirt daemons with QEMU ({@link LocalLibvirtDaemons}), started once for the whole
 * test run and stopped by PID when it ends (JUnit closes the {@link AutoCloseable} stored in the root context). Tests
 * take them as a {@code LibvirtDaemons} parameter of {@code @BeforeAll}.
 *
 * <p>Skipped (JUnit assumption) when libvirtd, QEMU, unshare or root are missing — unless the environment says
 * {@code CI=true}, where the daemons are part of what must pass and a missing piece fails the run.
 */
public final class LibvirtDaemons implements BeforeAllCallback, ParameterResolver, AutoCloseable {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LibvirtDaemons.class);

    private LocalLibvirtDaemons daemons;

    /** Only JUnit creates the shared instance; tests receive it as a parameter. */
    public LibvirtDaemons() {
    }

    LocalLibvirtDaemon first() {
        return daemons.daemons().get(0);
    }

    LocalLibvirtDaemon second() {
        return daemons.daemons().get(1);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String missing = LocalLibvirtDaemon.missingPrerequisites();
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
            d.daemons = LocalLibvirtDaemons.start(List.of("node-a", "node-b"));
            return d;
        }, LibvirtDaemons.class);
    }

    @Override
    public void close() {
        if (daemons != null) {
            daemons.close();
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
}
