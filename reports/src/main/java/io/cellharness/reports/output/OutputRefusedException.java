package io.cellharness.reports.output;

import java.io.IOException;

/** An output path the project will not write: a device, a directory, a planted symlink, a read-only place. One line. */
public final class OutputRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    public OutputRefusedException(String message) {
        super(message);
    }
}
