package io.cellharness.core.build;

import java.util.Random;

/** Deliberately breaks the determinism bans with unseeded randomness. */
final class UnseededRandomFixture {

    private UnseededRandomFixture() {
    }

    static int draw() {
        return new Random().nextInt(6);
    }
}
