package io.cellharness.libvirt.connect;

import com.sun.jna.Pointer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/**
 * One libvirt URI's connection, kept open: keepalive on remote transports, a close callback that marks it broken, and
 * reconnection in the background (with a pause between attempts) until the daemon answers again, e.g. after a
 * restart. Whoever must re-arm something on every new connection (domain event callbacks) registers an open hook.
 * Thread-safe; libvirt connections may be shared by threads.
 */
public final class LibvirtConnection implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LibvirtConnection.class.getName());

    /** An open connection: libvirt-java's object and the raw {@code virConnectPtr} for {@link LibvirtNative}. */
    public static final class Handle {
        private final RawConnect connect;
        private volatile boolean broken;

        private Handle(RawConnect connect) {
            this.connect = connect;
        }

        public Connect connect() {
            return connect;
        }

        Pointer pointer() {
            return connect.pointer();
        }

        public boolean broken() {
            return broken;
        }
    }

    /** Exposes the connection pointer that libvirt-java keeps protected. */
    private static final class RawConnect extends Connect {
        RawConnect(String uri) throws LibvirtException {
            super(uri);
        }

        Pointer pointer() {
            return vcp.getPointer();
        }
    }

    private final String uri;
    private final LibvirtSettings settings;
    private final List<Consumer<Handle>> openHooks = new CopyOnWriteArrayList<>();
    private final List<Consumer<Handle>> discardHooks = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService reconnector;
    private Handle current;
    private ScheduledFuture<?> reconnect;
    private boolean closed;
    private int opens;

    public LibvirtConnection(String uri, LibvirtSettings settings) {
        LibvirtEventLoop.ensureRunning();
        this.uri = uri;
        this.settings = settings;
        this.reconnector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "libvirt-reconnect " + uri);
            t.setDaemon(true);
            return t;
        });
    }

    public String uri() {
        return uri;
    }

    /** How many times a connection was opened: 1 after the first call, more after reconnections. */
    public synchronized int opens() {
        return opens;
    }

    /**
     * The open connection, opening a new one if there is none or the last one broke.
     *
     * @throws LibvirtException when the daemon cannot be reached
     */
    public synchronized Handle handle() throws LibvirtException {
        if (closed) {
            throw new IllegalStateException("the libvirt connection to " + uri + " is closed");
        }
        if (current != null && !current.broken && alive(current)) {
            return current;
        }
        discard();
        RawConnect connect = new RawConnect(uri);
        Handle handle = new Handle(connect);
        current = handle;
        opens++;
        arm(handle);
        for (Consumer<Handle> hook : openHooks) {
            hook.accept(handle);
        }
        return handle;
    }

    private static boolean alive(Handle handle) {
        try {
            return handle.connect.isAlive();
        } catch (LibvirtException e) {
            return false;
        }
    }

    /**
     * Runs {@code hook} on every connection opened from now on, and on the current one if open. Hooks run under this
     * connection's lock and must not block on other connections.
     */
    public synchronized void onOpen(Consumer<Handle> hook) {
        openHooks.add(hook);
        if (current != null && !current.broken) {
            hook.accept(current);
        }
    }

    /**
     * Runs {@code hook} on every connection just before it is closed, while its pointer is still valid (to deregister
     * callbacks). Errors of a dead connection are the hook's to ignore.
     */
    public void onDiscard(Consumer<Handle> hook) {
        discardHooks.add(hook);
    }

    /** The handle if one is open and not known broken; never opens one. */
    public synchronized Handle currentIfOpen() {
        return current != null && !current.broken ? current : null;
    }

    /**
     * Marks {@code handle} broken (a call on it failed in transport, or libvirt reported it closed) and starts
     * reconnecting in the background.
     */
    public synchronized void markBroken(Handle handle, String why) {
        if (handle != current || handle.broken || closed) {
            return;
        }
        handle.broken = true;
        LOG.log(System.Logger.Level.INFO, "libvirt connection to {0} broke ({1}); reconnecting", uri, why);
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (closed || (reconnect != null && !reconnect.isDone())) {
            return;
        }
        reconnect = reconnector.schedule(this::tryReconnect, settings.reconnectDelayMillis(), TimeUnit.MILLISECONDS);
    }

    private void tryReconnect() {
        synchronized (this) {
            reconnect = null;
            if (closed || (current != null && !current.broken)) {
                return;
            }
            try {
                handle();
                LOG.log(System.Logger.Level.INFO, "libvirt connection to {0} reopened", uri);
            } catch (LibvirtException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "libvirt at {0} still unreachable: {1}", uri, e.getMessage());
                current = null;
                scheduleReconnect();
            }
        }
    }

    private void arm(Handle handle) {
        try {
            // Returns 1 (no error) on transports without keepalive, e.g. the in-process test driver.
            handle.connect.setKeepAlive(settings.keepaliveIntervalSeconds(), settings.keepaliveCount());
        } catch (LibvirtException e) {
            LOG.log(System.Logger.Level.DEBUG, "no keepalive on {0}: {1}", uri, e.getMessage());
        }
        try {
            handle.connect.registerCloseListener((conn, reason) -> markBroken(handle, "closed: " + reason));
        } catch (LibvirtException e) {
            LOG.log(System.Logger.Level.DEBUG, "no close callback on {0}: {1}", uri, e.getMessage());
        }
    }

    private void discard() {
        Handle old = current;
        current = null;
        if (old == null) {
            return;
        }
        old.broken = true;
        for (Consumer<Handle> hook : discardHooks) {
            try {
                hook.accept(old);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "discard hook on {0}: {1}", uri, e.getMessage());
            }
        }
        try {
            old.connect.unregisterCloseListener();
        } catch (LibvirtException e) {
            LOG.log(System.Logger.Level.DEBUG, "close callback of a dead connection: {0}", e.getMessage());
        }
        try {
            old.connect.close();
        } catch (LibvirtException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a dead connection: {0}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (reconnect != null) {
            reconnect.cancel(false);
        }
        reconnector.shutdownNow();
        discard();
    }
}
