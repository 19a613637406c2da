package io.cellharness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import io.cellharness.reports.output.OutputRefusedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cell} command. */
@Command(name = "cell",
        mixinStandardHelpOptions = true,
        versionProvider = CellCommand.Version.class,
        description = "Cell Harness: test and simulate Cell hypervisor clusters (KVM + libvirt + Glue, HA, migration).",
        subcommands = {RunCommand.class, CheckCommand.class, AdviseCommand.class, SimCommand.class, SweepCommand.class,
                MigratePlanCommand.class, RenderCommand.class, FieldTableCommand.class,
                ServiceCommands.AgentCommand.class, ServiceCommands.ManagerCommand.class,
                CommandLine.HelpCommand.class})
public final class CellCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int exit;
        try {
            exit = execute(args, out, err);
        } catch (Throwable t) { // an Error (out of memory) escapes picocli: still one line, never a stack trace
            err.println("cell: internal error: " + t.getClass().getSimpleName() + (System.getenv("CELL_DEBUG") == null
                    ? " (set CELL_DEBUG=1 for details)" : ""));
            if (System.getenv("CELL_DEBUG") != null) {
                t.printStackTrace(err);
            }
            exit = ExitCode.INTERNAL;
        }
        out.flush();
        err.flush();
        System.exit(exit);
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new CellCommand());
        cli.setOut(out);
        cli.setErr(err);
        // `cell check @/etc/shadow` must not read a file of arguments and echo it (issue 19).
        cli.setExpandAtFiles(false);
        CommandLineInput.registerConverters(cli);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            String where = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(Messages.oneLine(where + ": " + CommandLineInput.describe(ex) + " (see '" + where + " --help')"));
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String where = commandLine.getCommandSpec().qualifiedName();
            if (ex instanceof InputError) {
                err.println(Messages.oneLine(where + ": " + ex.getMessage()));
                return ExitCode.USAGE;
            }
            if (ex instanceof OutputRefusedException) {
                err.println(Messages.oneLine(where + ": " + ex.getMessage()));
                return ExitCode.USAGE;
            }
            err.println(where + ": internal error: " + Messages.oneLine(String.valueOf(ex))
                    + (System.getenv("CELL_DEBUG") == null ? " (set CELL_DEBUG=1 for details)" : ""));
            if (System.getenv("CELL_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return ExitCode.INTERNAL;
        });
        String unknown = CommandLineInput.unknownSubcommand(cli, args);
        if (unknown != null) {
            err.println(Messages.oneLine(unknown));
            return ExitCode.USAGE;
        }
        return cli.execute(args);
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = CellCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"cell " + p.getProperty("version", "unknown") + " (Java " + Runtime.version() + ")"};
        }
    }
}
