package io.cellharness.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One invocation of the {@code cell} command in-process: exit code, standard output, standard error. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CellCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(exit, out.toString(), err.toString());
    }
}
