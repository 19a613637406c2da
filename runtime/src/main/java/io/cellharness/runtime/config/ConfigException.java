package io.cellharness.runtime.config;

/** A service configuration that cannot be used; the message is one line naming the file and what is wrong. */
public final class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message);
    }
}
