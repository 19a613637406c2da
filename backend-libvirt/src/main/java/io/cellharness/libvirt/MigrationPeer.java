package io.cellharness.libvirt;

/**
 * How a source host's libvirt daemon reaches a migration target (G-02).
 *
 * @param libvirtUri       the target daemon's URI as the source daemon opens it (peer-to-peer migration), e.g.
 *                         {@code qemu+tcp://host-2/system}
 * @param migrationAddress the target's address on the management network; its QEMU listens there for the memory
 *                         stream, on the port of the {@link io.cellharness.core.port.MigrationRequest}
 */
public record MigrationPeer(String libvirtUri, String migrationAddress) {

    /** The memory stream's URI: {@code tcp://address:port} (IPv6 addresses in brackets). */
    public String migrateUri(int port) {
        String host = migrationAddress.contains(":") ? "[" + migrationAddress + "]" : migrationAddress;
        return "tcp://" + host + ":" + port;
    }
}
