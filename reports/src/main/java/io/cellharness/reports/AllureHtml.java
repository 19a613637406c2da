package io.cellharness.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Turns Allure results into the Allure HTML report with Allure's command-line generator. The generator is the
 * {@code allure-commandline} distribution the reports module unpacks at build time; nothing is downloaded here.
 */
public final class AllureHtml {

    /** The system property naming the unpacked Allure home ({@code .../allure-2.x}). */
    public static final String HOME_PROPERTY = "cell.allure.home";

    private AllureHtml() {
    }

    /** The outcome of a generation. */
    public sealed interface Outcome {
        record Generated(Path index) implements Outcome {
        }

        /** Not generated; {@code reason} says why in one line. */
        record NotGenerated(String reason) implements Outcome {
        }
    }

    public static Outcome generate(Path allureHome, Path results, Path outputDir, long timeoutSeconds) {
        Path lib = allureHome.resolve("lib");
        if (!Files.isDirectory(lib)) {
            return new Outcome.NotGenerated("Allure generator not found at " + allureHome + " (build with ./mvnw package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(lib.resolve("*") + java.io.File.pathSeparator + lib.resolve("config"));
        command.add("-Dallure.home=" + allureHome);
        command.add("io.qameta.allure.CommandLine");
        command.add("generate");
        command.add("--clean");
        command.add("--single-file");
        command.add("-o");
        command.add(outputDir.toString());
        command.add(results.toString());
        try {
            Path log = Files.createTempFile("allure-generate", ".log");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Outcome.NotGenerated("Allure generator did not finish within " + timeoutSeconds + " s");
                }
                Path index = outputDir.resolve("index.html");
                if (process.exitValue() != 0 || !Files.exists(index)) {
                    String tail = lastLine(Files.readString(log, StandardCharsets.UTF_8));
                    return new Outcome.NotGenerated("Allure generator failed (exit " + process.exitValue() + "): " + tail);
                }
                return new Outcome.Generated(index);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return new Outcome.NotGenerated("cannot run the Allure generator: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.NotGenerated("interrupted while generating the Allure report");
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}
