package io.cellharness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
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
        System.exit(execute(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new CellCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            String where = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(where + ": " + ex.getMessage() + " (see '" + where + " --help')");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String where = commandLine.getCommandSpec().qualifiedName();
            if (ex instanceof InputError) {
                err.println(where + ": " + ex.getMessage());
                return ExitCode.USAGE;
            }
            err.println(where + ": internal error: " + ex + (System.getenv("CELL_DEBUG") == null
                    ? " (set CELL_DEBUG=1 for details)" : ""));
            if (System.getenv("CELL_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return ExitCode.INTERNAL;
        });
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
