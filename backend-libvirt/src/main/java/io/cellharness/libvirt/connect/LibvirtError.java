package io.cellharness.libvirt.connect;

import com.sun.jna.Pointer;
import io.cellharness.core.port.OpResult;
import org.libvirt.LibvirtException;

/**
 * One libvirt error, read raw from {@code virGetLastError()} on the thread whose call failed.
 *
 * @param code        the error, by libvirt 9.0's numbering
 * @param rawCode     the number libvirt reported, kept for codes newer than the table
 * @param errorDomain the {@code virErrorDomain} that raised it (7 = RPC, 13 = remote driver)
 * @param message     libvirt's message
 */
public record LibvirtError(LibvirtErrorCode code, int rawCode, int errorDomain, String message) {

    /** {@code VIR_FROM_RPC}. */
    public static final int FROM_RPC = 7;
    /** {@code VIR_FROM_REMOTE}. */
    public static final int FROM_REMOTE = 13;

    /**
     * The calling thread's last libvirt error. libvirt-java read the same error to build {@code thrown} and left it in
     * place; if it is gone, {@code thrown}'s message is kept and the code reads as {@link LibvirtErrorCode#UNKNOWN}.
     */
    public static LibvirtError last(LibvirtException thrown) {
        Pointer p = LibvirtNative.INSTANCE.virGetLastError();
        if (p == null) {
            return new LibvirtError(LibvirtErrorCode.UNKNOWN, -1, 0, thrown == null ? "unknown libvirt error"
                    : thrown.getMessage());
        }
        // struct _virError { int code; int domain; char *message; ... }: two ints, then a pointer at offset 8
        // on every ABI libvirt supports.
        int code = p.getInt(0);
        int domain = p.getInt(4);
        Pointer message = p.getPointer(8);
        String text = message == null ? (thrown == null ? "" : thrown.getMessage()) : message.getString(0);
        return new LibvirtError(LibvirtErrorCode.of(code), code, domain, text);
    }

    /**
     * Whether the operation may have taken effect although it reports an error: the connection broke or timed out
     * before the answer came back, so only a later look can tell (Jepsen's "info"). Everything else is a definite
     * failure that changed nothing.
     */
    public boolean outcomeUnknown() {
        return switch (code) {
            case RPC, NO_CONNECT, INVALID_CONN, OPERATION_TIMEOUT, AGENT_UNRESPONSIVE, MIGRATE_FINISH_OK -> true;
            case SYSTEM_ERROR, INTERNAL_ERROR -> errorDomain == FROM_RPC || errorDomain == FROM_REMOTE;
            default -> false;
        };
    }

    /** Whether the connection this error came from is no longer usable and must be reopened. */
    public boolean connectionBroken() {
        return switch (code) {
            case RPC, NO_CONNECT, INVALID_CONN -> true;
            case SYSTEM_ERROR, INTERNAL_ERROR -> errorDomain == FROM_RPC || errorDomain == FROM_REMOTE;
            default -> false;
        };
    }

    /** This error as the result of {@code operation}: unknown or failed, with a one-line reason. */
    public <T> OpResult<T> toResult(String operation) {
        String reason = operation + ": " + message + " (" + code.libvirtName() + ")";
        return outcomeUnknown() ? OpResult.unknown(reason) : OpResult.failed(reason);
    }
}
