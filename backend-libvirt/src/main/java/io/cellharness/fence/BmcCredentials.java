package io.cellharness.fence;

import io.cellharness.core.model.BmcSpec;
import java.util.Objects;
import java.util.function.Function;

/**
 * A BMC login. The password is held only to hand to the BMC; {@link #toString()} hides it.
 *
 * @param username BMC user
 * @param password its password
 */
public record BmcCredentials(String username, String password) {

    public BmcCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** Reads the password from this process's environment variable that {@code bmc.passwordEnv()} names. */
    public static BmcCredentials fromEnvironment(String host, BmcSpec bmc) {
        return fromEnvironment(host, bmc, System::getenv);
    }

    /**
     * Reads the password from the environment variable that {@code bmc.passwordEnv()} names.
     *
     * @param host        the host the BMC belongs to, for error messages
     * @param environment variable name to value ({@code System::getenv} in production)
     * @throws IllegalArgumentException naming the host and the variable when the user, the variable's name or its
     *                                  value is missing
     */
    public static BmcCredentials fromEnvironment(String host, BmcSpec bmc, Function<String, String> environment) {
        String where = "host " + host + ": BMC " + bmc.address();
        if (bmc.username() == null || bmc.username().isBlank()) {
            throw new IllegalArgumentException(where + " has no username");
        }
        if (bmc.passwordEnv() == null || bmc.passwordEnv().isBlank()) {
            throw new IllegalArgumentException(where + " has no passwordEnv (the environment variable holding its "
                    + "password)");
        }
        String password = environment.apply(bmc.passwordEnv());
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException(where + ": environment variable " + bmc.passwordEnv()
                    + " (its passwordEnv) is not set");
        }
        return new BmcCredentials(bmc.username(), password);
    }

    @Override
    public String toString() {
        return "BmcCredentials[username=" + username + ", password=(hidden)]";
    }
}
