package io.cellharness.runtime.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Secrets by name, never from a command line or a configuration file: a systemd credential
 * ({@code LoadCredential=NAME:/path} makes {@code $CREDENTIALS_DIRECTORY/NAME}) first, else the environment variable
 * {@code NAME}. A trailing newline of a credential file is dropped.
 */
public final class Secrets implements Function<String, String> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private final Map<String, String> environment;

    public Secrets(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static Secrets fromProcess() {
        return new Secrets(System.getenv());
    }

    /** The secret named {@code name}, or null when neither a credential nor a variable holds it. */
    @Override
    public String apply(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return null;
        }
        String directory = environment.get("CREDENTIALS_DIRECTORY");
        if (directory != null && !directory.isBlank()) {
            Path file = Path.of(directory, name);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\\r?\\n$", "");
                } catch (IOException unreadable) {
                    return null;
                }
            }
        }
        String value = environment.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * @throws ConfigException naming the credential (never its value) when it is not set
     */
    public char[] required(String name, String purpose) throws ConfigException {
        String value = apply(name);
        if (value == null) {
            throw new ConfigException(purpose + ": credential '" + name + "' is set neither in $CREDENTIALS_DIRECTORY"
                    + " nor as an environment variable");
        }
        return value.toCharArray();
    }
}
