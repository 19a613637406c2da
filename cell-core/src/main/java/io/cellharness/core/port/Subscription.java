package io.cellharness.core.port;

/** A registered listener; {@link #close()} stops it. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
