package io.cellharness.libvirt.connect;

import org.libvirt.Connect;
import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt;

/**
 * libvirt's default event loop, once per JVM: registered before the first connection is opened (keepalive, close
 * callbacks and domain events need it) and run by one dedicated daemon thread. Callbacks run on that thread and must
 * hand their work off at once.
 */
public final class LibvirtEventLoop {

    private static final System.Logger LOG = System.getLogger(LibvirtEventLoop.class.getName());
    /** Held so that JNA never frees the callback libvirt calls. */
    private static final Libvirt.VirErrorCallback QUIET = (userData, error) -> {
        // Errors reach us as exceptions and raw codes; libvirt's default handler would print them to stderr.
    };
    private static Thread thread;

    private LibvirtEventLoop() {
    }

    /** Registers and starts the event loop if it does not run yet; idempotent and thread-safe. */
    public static synchronized void ensureRunning() {
        if (thread != null) {
            return;
        }
        try {
            Library.initEventLoop();
            Connect.setErrorCallback(QUIET);
        } catch (LibvirtException e) {
            throw new IllegalStateException("cannot register libvirt's event loop: " + e.getMessage(), e);
        }
        Thread t = new Thread(LibvirtEventLoop::run, "libvirt-event-loop");
        t.setDaemon(true);
        t.start();
        thread = t;
    }

    private static void run() {
        while (true) {
            try {
                Library.processEvent();
            } catch (LibvirtException e) {
                LOG.log(System.Logger.Level.WARNING, "libvirt event loop iteration failed: {0}", e.getMessage());
            } catch (RuntimeException e) {
                // A listener bug must not stop the loop every connection of the JVM depends on.
                LOG.log(System.Logger.Level.ERROR, "libvirt event callback threw", e);
            }
        }
    }
}
