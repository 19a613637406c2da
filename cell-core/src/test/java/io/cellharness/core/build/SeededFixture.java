package io.cellharness.core.build;

import java.util.Random;
import java.util.TreeMap;

/** Follows the bans: seeded randomness and an ordered map are allowed. */
final class SeededFixture {

    private SeededFixture() {
    }

    static int draw(long seed) {
        TreeMap<String, Integer> ordered = new TreeMap<>();
        ordered.put("h1", new Random(seed).nextInt(6));
        return ordered.firstEntry().getValue();
    }
}
