package io.cellharness.cli;

/** The exit codes of every {@code cell} subcommand. */
public final class ExitCode {

    /** Success. */
    public static final int OK = 0;
    /** The input was read, and something in it or in the run is wrong: a limit, a scenario, an invariant. */
    public static final int FINDINGS = 1;
    /** The command line or an input file cannot be used. */
    public static final int USAGE = 2;
    /** A fault of the harness itself. */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
