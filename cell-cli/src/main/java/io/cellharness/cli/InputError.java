package io.cellharness.cli;

/**
 * A problem with what the user gave: a missing file, a malformed document, a bad value. Its message is the one
 * line the user sees; the command exits {@link ExitCode#USAGE}.
 */
public final class InputError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InputError(String message) {
        super(message, null, false, false);
    }
}
