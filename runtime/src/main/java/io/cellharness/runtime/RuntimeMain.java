package io.cellharness.runtime;

import io.cellharness.runtime.config.AgentConfig;
import io.cellharness.runtime.config.ConfigException;
import io.cellharness.runtime.config.ConfigFiles;
import io.cellharness.runtime.config.ManagerConfig;
import io.cellharness.runtime.config.Secrets;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The services' entry point: {@code agent --config agent.yaml}, {@code manager --config manager.yaml}, and
 * {@code agent|manager status --config FILE}. A service runs until the process is told to stop (SIGTERM), then
 * closes cleanly (the watchdog gets its magic close). A configuration that cannot be used is one line on stderr and
 * exit code 2; a status API that does not answer is exit code 1.
 */
public final class RuntimeMain {

    private RuntimeMain() {
    }

    public static void main(String[] args) {
        useServiceLogging();
        int code = run(List.of(args),
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Chooses the services' JSON logging unless the operator chose a Logback configuration; must run before the
     * first logger is made.
     */
    public static void useServiceLogging() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "cell-services-logback.xml");
        }
    }

    /** Runs a command; for a service, returns only when it stops. */
    public static int run(List<String> args, PrintWriter out, PrintWriter err) {
        String usage = "usage: agent|manager [status] --config FILE";
        if (args.isEmpty() || !(args.get(0).equals("agent") || args.get(0).equals("manager"))) {
            err.println(usage);
            return 2;
        }
        String role = args.get(0);
        boolean status = args.size() > 1 && args.get(1).equals("status");
        List<String> rest = args.subList(status ? 2 : 1, args.size());
        if (rest.size() != 2 || !rest.get(0).equals("--config")) {
            err.println("cell " + role + ": " + usage);
            return 2;
        }
        return status ? status(role, Path.of(rest.get(1)), out, err) : serve(role, Path.of(rest.get(1)), err);
    }

    private static int status(String role, Path file, PrintWriter out, PrintWriter err) {
        Secrets secrets = Secrets.fromProcess();
        try {
            var doc = role.equals("agent")
                    ? fetch(ConfigFiles.agent(file), secrets)
                    : fetchManager(ConfigFiles.manager(file), secrets);
            out.print(StatusClient.render(doc));
            out.flush();
            return 0;
        } catch (ConfigException bad) {
            err.println("cell " + role + " status: " + bad.getMessage());
            return 2;
        } catch (IOException | InterruptedException unreachable) {
            err.println("cell " + role + " status: the " + role + " does not answer: " + unreachable.getMessage());
            return 1;
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode fetch(ConfigFiles.Loaded<AgentConfig> loaded,
                                                                 Secrets secrets)
            throws ConfigException, IOException, InterruptedException {
        return StatusClient.fetch(loaded.directory(), loaded.config().tls(), loaded.config().listen(), secrets);
    }

    private static com.fasterxml.jackson.databind.JsonNode fetchManager(ConfigFiles.Loaded<ManagerConfig> loaded,
                                                                        Secrets secrets)
            throws ConfigException, IOException, InterruptedException {
        return StatusClient.fetch(loaded.directory(), loaded.config().tls(), loaded.config().listen(), secrets);
    }

    private static int serve(String role, Path file, PrintWriter err) {
        Secrets secrets = Secrets.fromProcess();
        AutoCloseable service;
        try {
            service = role.equals("agent")
                    ? AgentService.start(ConfigFiles.agent(file), secrets)
                    : ManagerService.start(ConfigFiles.manager(file), secrets);
        } catch (ConfigException bad) {
            err.println("cell " + role + ": " + bad.getMessage());
            return 2;
        } catch (IOException | RuntimeException cannotStart) {
            err.println("cell " + role + ": cannot start: " + cannotStart.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception ignored) {
                // stopping anyway
            } finally {
                stopped.countDown();
            }
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
