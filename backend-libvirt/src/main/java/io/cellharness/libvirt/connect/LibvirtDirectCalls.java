package io.cellharness.libvirt.connect;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.cellharness.core.port.DomainInfo;

/**
 * The calls this backend makes to libvirt's C API directly rather than through libvirt-java, each for a reason named
 * at the method. Errors arrive as {@link LibvirtCallException} with the raw error of the calling thread.
 */
public final class LibvirtDirectCalls {

    /** Receives lifecycle events with libvirt's raw numbers, on the event loop thread. */
    @FunctionalInterface
    public interface LifecycleSink {
        void accept(String domain, int event, int detail);
    }

    /** A registered lifecycle callback; holds the JNA callback so that it is not collected while registered. */
    public static final class LifecycleRegistration {
        private final LibvirtNative.LifecycleCallback callback;
        private final int id;

        private LifecycleRegistration(LibvirtNative.LifecycleCallback callback, int id) {
            this.callback = callback;
            this.id = id;
        }

        @Override
        public String toString() {
            return "lifecycle callback " + id + " (" + callback + ")";
        }
    }

    private LibvirtDirectCalls() {
    }

    /**
     * Defines a domain with {@code VIR_DOMAIN_DEFINE_VALIDATE}, so that XML libvirt would silently ignore parts of is
     * refused against its schema instead (libvirt-java has no flags variant).
     */
    public static void defineValidated(LibvirtConnection.Handle handle, String xml) throws LibvirtCallException {
        Pointer domain = LibvirtNative.INSTANCE.virDomainDefineXMLFlags(handle.pointer(), xml,
                LibvirtNative.DEFINE_VALIDATE);
        if (domain == null) {
            throw new LibvirtCallException(LibvirtError.last(null));
        }
        LibvirtNative.INSTANCE.virDomainFree(domain);
    }

    /** State and reason ({@code virDomainGetState}; libvirt-java has only the state, without the reason). */
    public static DomainInfo state(LibvirtConnection.Handle handle, String name) throws LibvirtCallException {
        Pointer domain = LibvirtNative.INSTANCE.virDomainLookupByName(handle.pointer(), name);
        if (domain == null) {
            throw new LibvirtCallException(LibvirtError.last(null));
        }
        try {
            IntByReference state = new IntByReference();
            IntByReference reason = new IntByReference();
            if (LibvirtNative.INSTANCE.virDomainGetState(domain, state, reason, 0) < 0) {
                throw new LibvirtCallException(LibvirtError.last(null));
            }
            return new DomainInfo(name, LibvirtStates.state(state.getValue()),
                    LibvirtStates.stateReason(state.getValue(), reason.getValue()));
        } finally {
            LibvirtNative.INSTANCE.virDomainFree(domain);
        }
    }

    /**
     * {@code virConnectCompareCPU} with {@code FAIL_INCOMPATIBLE}, so that an incompatible CPU comes back as a
     * {@code VIR_ERR_CPU_INCOMPATIBLE} error whose message names the missing features (C-06); libvirt-java passes no
     * flags.
     *
     * @return 1 identical, 2 superset
     */
    public static int compareCpu(LibvirtConnection.Handle handle, String cpuXml) throws LibvirtCallException {
        int result = LibvirtNative.INSTANCE.virConnectCompareCPU(handle.pointer(), cpuXml,
                LibvirtNative.COMPARE_CPU_FAIL_INCOMPATIBLE);
        if (result < 0) {
            throw new LibvirtCallException(LibvirtError.last(null));
        }
        return result;
    }

    /**
     * Registers for lifecycle events of every domain with the raw event and detail numbers, which this backend maps
     * by its own table ({@link LibvirtStates}).
     */
    public static LifecycleRegistration registerLifecycle(LibvirtConnection.Handle handle, LifecycleSink sink)
            throws LibvirtCallException {
        LibvirtNative.LifecycleCallback callback = (conn, domain, event, detail, opaque) -> {
            sink.accept(LibvirtNative.INSTANCE.virDomainGetName(domain), event, detail);
            return 0;
        };
        int id = LibvirtNative.INSTANCE.virConnectDomainEventRegisterAny(handle.pointer(), null,
                LibvirtNative.EVENT_ID_LIFECYCLE, callback, null, null);
        if (id < 0) {
            throw new LibvirtCallException(LibvirtError.last(null));
        }
        return new LifecycleRegistration(callback, id);
    }

    public static void deregister(LibvirtConnection.Handle handle, LifecycleRegistration registration) {
        LibvirtNative.INSTANCE.virConnectDomainEventDeregisterAny(handle.pointer(), registration.id);
    }
}
