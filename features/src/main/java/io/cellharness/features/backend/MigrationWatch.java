package io.cellharness.features.backend;

import java.util.SortedSet;

/** What a backend saw of the migration streams arriving at one host while it watched (G-02). */
public interface MigrationWatch extends AutoCloseable {

    /** Whether this backend can see the streams at all (a remote libvirt host's sockets are out of sight). */
    boolean observable();

    /** The TCP ports the streams arrived on, as far as seen so far. */
    SortedSet<Integer> ports();

    /** Stops watching; {@link #ports()} keeps what was seen. */
    @Override
    void close();
}
