package io.cellharness.reports;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The Debian {@code chromium} in headless mode, one process per call: loads a report from {@code file://} and
 * returns the DOM after the page's scripts ran (and the console messages it logged), or takes a screenshot.
 *
 * <p>Without a browser the calling test is skipped, unless {@code CI=true}: there a missing browser fails the test.
 */
public final class HeadlessChromium {

    private static final long TIMEOUT_SECONDS = 60;

    private final Path executable;
    private final Path workDir;
    private int runs;

    private HeadlessChromium(Path executable, Path workDir) {
        this.executable = executable;
        this.workDir = workDir;
    }

    /** The browser, or the test is skipped (outside CI) or failed (with {@code CI=true}) when there is none. */
    public static HeadlessChromium requireIn(Path workDir) {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            String why = "no chromium at /usr/bin/chromium or on PATH (Debian package: chromium)";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but " + why);
            }
            Assumptions.abort(why);
        }
        return new HeadlessChromium(found.get(), workDir);
    }

    static Optional<Path> find() {
        Path debian = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "chromium");
                if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** What a page left behind: its DOM after load (serialised by the browser) and what it logged to the console. */
    public record Loaded(String dom, List<String> consoleMessages) {

        /** The value of {@code attribute} on the first element whose start tag matches {@code tagPattern}. */
        public Optional<String> attribute(String tagPattern, String attribute) {
            Matcher tag = Pattern.compile("<" + tagPattern + "[^>]*>").matcher(dom);
            if (!tag.find()) {
                return Optional.empty();
            }
            Matcher value = Pattern.compile("\\s" + Pattern.quote(attribute) + "=\"([^\"]*)\"").matcher(tag.group());
            return value.find() ? Optional.of(value.group(1)) : Optional.empty();
        }
    }

    /** Loads {@code page} and returns the DOM once the page's scripts ran ({@code --dump-dom}). */
    public Loaded load(Path page) throws IOException, InterruptedException {
        Run run = run(List.of("--virtual-time-budget=5000", "--dump-dom", page.toUri().toString()));
        List<String> console = new ArrayList<>();
        for (String line : run.stderr().split("\n")) {
            if (line.contains(":CONSOLE")) {
                console.add(line);
            }
        }
        return new Loaded(run.stdout(), console);
    }

    /** Takes a {@code width × height} screenshot of {@code page} into {@code png}. */
    public Path screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        // Compositing every stage before the capture: without it a busy machine can shoot a half-painted page.
        run(List.of("--virtual-time-budget=5000", "--run-all-compositor-stages-before-draw", "--hide-scrollbars",
                "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
                page.toUri().toString()));
        return png;
    }

    private record Run(String stdout, String stderr) {
    }

    private Run run(List<String> args) throws IOException, InterruptedException {
        // Headless Chromium has been seen (once, on a loaded machine) to hang before its first frame; a second
        // attempt with a fresh profile tells that apart from a page that hangs the browser, which times out twice.
        Attempt first = attempt(args);
        if (first.run() != null) {
            return first.run();
        }
        Attempt second = attempt(args);
        if (second.run() != null) {
            return second.run();
        }
        return fail("chromium did not finish within " + TIMEOUT_SECONDS + " s, twice: " + String.join(" ", args)
                + "\nfirst attempt:\n" + first.log() + "\nsecond attempt:\n" + second.log());
    }

    /** A finished run, or (run == null) a run that timed out and was killed, with the end of its log. */
    private record Attempt(Run run, String log) {
    }

    private Attempt attempt(List<String> args) throws IOException, InterruptedException {
        int n = ++runs;
        Path profile = Files.createDirectories(workDir.resolve("chromium-profile-" + n));
        Path out = workDir.resolve("chromium-" + n + ".out");
        Path err = workDir.resolve("chromium-" + n + ".err");
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--mute-audio", "--enable-logging=stderr", "--log-level=0",
                "--user-data-dir=" + profile));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean finished;
        try {
            process.getOutputStream().close();
            finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            // Renderer, GPU and zygote processes must not outlive the call, also on timeout.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        if (!finished) {
            return new Attempt(null, tail(err));
        }
        String stderr = new String(Files.readAllBytes(err), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            fail("chromium exited with " + process.exitValue() + ": " + String.join(" ", command) + "\n" + tail(err));
        }
        return new Attempt(new Run(new String(Files.readAllBytes(out), StandardCharsets.UTF_8), stderr), "");
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
