package io.cellharness.libvirt.connect;

/** A libvirt C function called through JNA reported an error; the raw error is attached. */
public final class LibvirtCallException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient LibvirtError error;

    public LibvirtCallException(LibvirtError error) {
        super(error.message());
        this.error = error;
    }

    public LibvirtError error() {
        return error;
    }
}
