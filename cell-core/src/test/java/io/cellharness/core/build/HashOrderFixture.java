package io.cellharness.core.build;

import java.util.HashSet;
import java.util.Set;

/** Deliberately breaks the determinism bans with a hash-ordered set. */
final class HashOrderFixture {

    private HashOrderFixture() {
    }

    static Set<String> hosts() {
        Set<String> hosts = new HashSet<>();
        hosts.add("h1");
        return hosts;
    }
}
