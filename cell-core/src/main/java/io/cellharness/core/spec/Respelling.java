package io.cellharness.core.spec;

/**
 * A value the reader accepted under a spelling other than its canonical one (C-01: the documentation's
 * {@code host-mode} is read as {@code host-model}), so that {@code cell check} can warn and name the canonical word.
 *
 * @param path      where it was written, e.g. {@code vms[0].cpuMode}
 * @param written   the spelling in the file
 * @param canonical the spelling it was read as
 * @param id        the catalogue ID of the rule that allows it
 */
public record Respelling(String path, String written, String canonical, String id) {
}
