package io.cellharness.cli;

import io.cellharness.reports.output.OutputRefusedException;
import io.cellharness.reports.output.SafeOutput;
import java.io.IOException;
import java.nio.file.Path;

/** The command line's outputs, through {@link SafeOutput}; a refused path is one {@link InputError} line naming the option. */
final class Outputs {

    private Outputs() {
    }

    /** Something that writes an output. */
    interface Write {
        Path write() throws IOException;
    }

    /** Checks an output file the user named, before the run. */
    static void check(Path file, String option) {
        try {
            SafeOutput.check(file, SafeOutput.Origin.GIVEN);
        } catch (IOException e) {
            throw refused(option, e);
        }
    }

    /** Checks a report directory the user named (its {@code index.html} is the project's name), before the run. */
    static void checkReportDir(Path dir, String option) {
        try {
            SafeOutput.check(dir.resolve("index.html"), SafeOutput.Origin.DERIVED);
        } catch (IOException e) {
            throw refused(option, e);
        }
    }

    /** Checks a file the project names inside a directory the user gave, before the run. */
    static void checkDerived(Path file, String option) {
        try {
            SafeOutput.check(file, SafeOutput.Origin.DERIVED);
        } catch (IOException e) {
            throw refused(option, e);
        }
    }

    static SafeOutput.Pending prepare(Path file, String option) {
        try {
            return SafeOutput.prepare(file, SafeOutput.Origin.GIVEN);
        } catch (IOException e) {
            throw refused(option, e);
        }
    }

    static Path commit(SafeOutput.Pending pending, String option) {
        try {
            return pending.commit();
        } catch (IOException e) {
            throw refused(option, e);
        }
    }

    static Path writeGiven(Path file, String option, String text) {
        return write(option, () -> SafeOutput.write(file, SafeOutput.Origin.GIVEN, text));
    }

    static Path write(String option, Write write) {
        try {
            return write.write();
        } catch (IOException e) {
            throw refused(option, e);
        }
    }

    private static InputError refused(String option, IOException e) {
        if (e instanceof OutputRefusedException) {
            return new InputError(option + ": " + Messages.oneLine(e.getMessage()));
        }
        return new InputError(option + ": cannot be written (" + Messages.oneLine(String.valueOf(e.getMessage())) + ")");
    }
}
