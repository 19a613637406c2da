package io.cellharness.core.build;

/** Deliberately breaks the determinism bans; {@link DeterminismBanTest} proves the build's signatures catch it. */
final class WallClockFixture {

    private WallClockFixture() {
    }

    static long now() {
        return System.currentTimeMillis();
    }
}
