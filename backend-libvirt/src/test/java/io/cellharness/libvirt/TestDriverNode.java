package io.cellharness.libvirt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One simulated host for libvirt's test driver: a custom node XML file, opened as {@code test:///path/node.xml}.
 * Each file is its own host with its own domains.
 */
final class TestDriverNode {

    private TestDriverNode() {
    }

    /** Writes {@code <dir>/<host>.xml} with the given topology and returns its test driver URI. */
    static String write(Path dir, String host, int sockets, int coresPerSocket, long memoryKiB) {
        String xml = """
                <node>
                  <cpu>
                    <nodes>1</nodes>
                    <sockets>%d</sockets>
                    <cores>%d</cores>
                    <threads>2</threads>
                    <active>%d</active>
                    <mhz>2400</mhz>
                    <model>x86_64</model>
                  </cpu>
                  <memory>%d</memory>
                </node>
                """.formatted(sockets, coresPerSocket, sockets * coresPerSocket * 2, memoryKiB);
        try {
            Path file = dir.resolve(host + ".xml");
            Files.writeString(file, xml, StandardCharsets.UTF_8);
            return "test://" + file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
