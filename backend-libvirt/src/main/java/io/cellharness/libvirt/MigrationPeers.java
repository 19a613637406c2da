package io.cellharness.libvirt;

import java.util.Optional;

/** Where the libvirt daemon and management address of a target host are, by host name (G-02). */
@FunctionalInterface
public interface MigrationPeers {

    Optional<MigrationPeer> peer(String host);

    /** Cell's layout: every host's daemon at {@code qemu+tcp://<host>/system}, migration to the host name itself. */
    static MigrationPeers byHostName() {
        return host -> Optional.of(new MigrationPeer("qemu+tcp://" + host + "/system", host));
    }

    /** No host can be reached: every migration fails before anything is copied. */
    static MigrationPeers none() {
        return host -> Optional.empty();
    }
}
