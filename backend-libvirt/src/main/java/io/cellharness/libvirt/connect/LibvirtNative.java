package io.cellharness.libvirt.connect;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The few libvirt C functions this backend calls directly, beside libvirt-java: the raw last error (its error table is
 * not trusted, see {@link LibvirtErrorCode}), schema-validated define, compare with the reason of an incompatibility,
 * the state with its reason, and lifecycle events with their raw numbers. Signatures as in libvirt 9.0's headers.
 */
interface LibvirtNative extends Library {

    LibvirtNative INSTANCE = Native.load("virt", LibvirtNative.class);

    /** {@code VIR_DOMAIN_DEFINE_VALIDATE}: check the XML against libvirt's RelaxNG schema before defining. */
    int DEFINE_VALIDATE = 1;
    /** {@code VIR_CONNECT_COMPARE_CPU_FAIL_INCOMPATIBLE}: an incompatible CPU is an error that says why. */
    int COMPARE_CPU_FAIL_INCOMPATIBLE = 1;
    /** {@code VIR_DOMAIN_EVENT_ID_LIFECYCLE}. */
    int EVENT_ID_LIFECYCLE = 0;

    /** {@code virConnectDomainEventCallback} for lifecycle events. */
    interface LifecycleCallback extends Callback {
        int invoke(Pointer conn, Pointer domain, int event, int detail, Pointer opaque);
    }

    /** The calling thread's last error ({@code virErrorPtr}), or null; owned by libvirt. */
    Pointer virGetLastError();

    Pointer virDomainDefineXMLFlags(Pointer conn, String xml, int flags);

    Pointer virDomainLookupByName(Pointer conn, String name);

    int virDomainGetState(Pointer domain, IntByReference state, IntByReference reason, int flags);

    String virDomainGetName(Pointer domain);

    int virDomainFree(Pointer domain);

    int virConnectCompareCPU(Pointer conn, String xml, int flags);

    int virConnectDomainEventRegisterAny(Pointer conn, Pointer domain, int eventId, LifecycleCallback callback,
                                         Pointer opaque, Pointer freeCallback);

    int virConnectDomainEventDeregisterAny(Pointer conn, int callbackId);
}
