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

    /**
     * What every service command does: hand its role, whether it asks for the status, and {@code --config} over to
     * the runtime. Picocli reads the option and the spec from this superclass.
     */
    abstract static class ServiceInvocation implements Callable<Integer> {

        @Option(names = "--config", paramLabel = "FILE",
                description = "The service's configuration file (agent.yaml or manager.yaml; examples in packaging/).")
        Path config;

        @Spec
        CommandSpec spec;

        private final String role;
        private final boolean status;

        ServiceInvocation(String role, boolean status) {
            this.role = role;
            this.status = status;
        }

        @Override
        public final Integer call() {
            if (config == null) {
                throw new InputError("--config FILE is required");
            }
            RuntimeMain.useServiceLogging();
            List<String> args = status ? List.of(role, "status", "--config", config.toString())
                    : List.of(role, "--config", config.toString());
            return RuntimeMain.run(args, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "agent", mixinStandardHelpOptions = true, subcommands = AgentCommand.Status.class,
            description = {"Run the HA agent of this host as a service (R-01): heartbeats and neighbour checks over "
                    + "HTTPS with mutual TLS, the storage heartbeat, the watchdog, libvirt.",
                    "Runs until stopped (SIGTERM). Exit 2: the configuration cannot be used (one line)."})
    static final class AgentCommand extends ServiceInvocation {

        AgentCommand() {
            super("agent", false);
        }

        @Command(name = "status", mixinStandardHelpOptions = true,
                description = "Print the running agent's status (libvirt UP/DEGRADED, storage heartbeat, watchdog).")
        static final class Status extends ServiceInvocation {

            Status() {
                super("agent", true);
            }
        }
    }

    @Command(name = "manager", mixinStandardHelpOptions = true, subcommands = ManagerCommand.Status.class,
            description = {"Run the HA manager as a service (R-02, H-12): the engine on a real clock, fencing through "
                    + "IPMI and Redfish, restarts through libvirt, the journal, the status API.",
                    "Runs until stopped (SIGTERM). Exit 2: the configuration cannot be used (one line)."})
    static final class ManagerCommand extends ServiceInvocation {

        ManagerCommand() {
            super("manager", false);
        }

        @Command(name = "status", mixinStandardHelpOptions = true,
                description = "Print the running manager's view: hosts with HA state and heartbeat age, alerts.")
        static final class Status extends ServiceInvocation {

            Status() {
                super("manager", true);
            }
        }
    }
}
