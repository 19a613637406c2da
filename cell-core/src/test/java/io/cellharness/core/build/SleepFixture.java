package io.cellharness.core.build;

/** Deliberately breaks the determinism bans by sleeping on real time. */
final class SleepFixture {

    private SleepFixture() {
    }

    static void pause() throws InterruptedException {
        Thread.sleep(10);
    }
}
