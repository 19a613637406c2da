package io.cellharness.cli;

import io.cellharness.runtime.RuntimeMain;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cell agent} and {@code cell manager}: the two long-running services of the runtime module, and
 * their {@code status} subcommands, which print the running service's status API for a person. The services
 * themselves live in {@link io.cellharness.runtime}; these classes only hand the command line over.
 */
final class ServiceCommands {

    private ServiceCommands() {
    }

    static int run(String role, boolean status, Path config, CommandSpec spec) {
        if (config == null) {
            throw new InputError("--config FILE is required");
        }
        RuntimeMain.useServiceLogging();
        return status
                ? RuntimeMain.run(List.of(role, "status", "--config", config.toString()), spec.commandLine().getOut(),
                        spec.commandLine().getErr())
                : RuntimeMain.run(List.of(role, "--config", config.toString()), spec.commandLine().getOut(),
                        spec.commandLine().getErr());
    }

    @Command(name = "agent", mixinStandardHelpOptions = true, subcommands = AgentCommand.Status.class,
            description = {"Run the HA agent of this host as a service (R-01): heartbeats and neighbour checks over "
                    + "HTTPS with mutual TLS, the storage heartbeat, the watchdog, libvirt.",
                    "Runs until stopped (SIGTERM). Exit 2: the configuration cannot be used (one line)."})
    static final class AgentCommand implements Callable<Integer> {

        @Option(names = "--config", paramLabel = "FILE", description = "agent.yaml (see packaging/agent.yaml).")
        Path config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return run("agent", false, config, spec);
        }

        @Command(name = "status", mixinStandardHelpOptions = true,
                description = "Print the running agent's status (libvirt UP/DEGRADED, storage heartbeat, watchdog).")
        static final class Status implements Callable<Integer> {

            @Option(names = "--config", paramLabel = "FILE", description = "The agent's agent.yaml.")
            Path config;

            @Spec
            CommandSpec spec;

            @Override
            public Integer call() {
                return run("agent", true, config, spec);
            }
        }
    }

    @Command(name = "manager", mixinStandardHelpOptions = true, subcommands = ManagerCommand.Status.class,
            description = {"Run the HA manager as a service (R-02, H-12): the engine on a real clock, fencing through "
                    + "IPMI and Redfish, restarts through libvirt, the journal, the status API.",
                    "Runs until stopped (SIGTERM). Exit 2: the configuration cannot be used (one line)."})
    static final class ManagerCommand implements Callable<Integer> {

        @Option(names = "--config", paramLabel = "FILE", description = "manager.yaml (see packaging/manager.yaml).")
        Path config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return run("manager", false, config, spec);
        }

        @Command(name = "status", mixinStandardHelpOptions = true,
                description = "Print the running manager's view: hosts with HA state and heartbeat age, alerts.")
        static final class Status implements Callable<Integer> {

            @Option(names = "--config", paramLabel = "FILE", description = "The manager's manager.yaml.")
            Path config;

            @Spec
            CommandSpec spec;

            @Override
            public Integer call() {
                return run("manager", true, config, spec);
            }
        }
    }
}
