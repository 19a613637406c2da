package io.cellharness.features.backend;

/**
 * A backend cannot be used here: libvirt is not installed, a daemon cannot be started, a URI does not answer. The
 * message is one line a user can act on; {@code cell run} prints it and exits 2.
 */
public final class BackendUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(String message) {
        super(message);
    }

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
