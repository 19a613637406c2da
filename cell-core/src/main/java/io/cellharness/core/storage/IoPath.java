package io.cellharness.core.storage;

import java.util.Objects;
import java.util.Optional;

/** The monitor a host's Glue I/O goes through (S-04), or none: the I/O stalls (S-08). */
public sealed interface IoPath {

    /** No monitor answers; the VMs' I/O is held until one does. */
    IoPath NONE = new None();

    static IoPath via(String monitorHost) {
        return new Via(monitorHost);
    }

    /** The monitor host, if any. */
    default Optional<String> monitor() {
        return this instanceof Via via ? Optional.of(via.monitorHost()) : Optional.empty();
    }

    default boolean isNone() {
        return this instanceof None;
    }

    /** Through the monitor of the storage controller on {@code monitorHost}. */
    record Via(String monitorHost) implements IoPath {
        public Via {
            Objects.requireNonNull(monitorHost, "monitorHost");
        }

        @Override
        public String toString() {
            return "via " + monitorHost;
        }
    }

    /** No path. */
    record None() implements IoPath {
        @Override
        public String toString() {
            return "none";
        }
    }
}
