package io.cellharness.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeededRandomTest {

    @Test
    void sameSeedSameStream() {
        SeededRandom a = new SeededRandom(7);
        SeededRandom b = new SeededRandom(7);
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
    }

    @Test
    void splitsDependOnSeedAndNameNotOnDrawsSoFar() {
        SeededRandom a = new SeededRandom(7);
        SeededRandom b = new SeededRandom(7);
        b.nextLong();
        b.nextLong();
        assertThat(a.split("network").nextLong()).isEqualTo(b.split("network").nextLong());
        assertThat(a.split("network").nextLong()).isNotEqualTo(a.split("storage").nextLong());
    }

    @Test
    void aKnownSeedGivesAKnownValueInEveryJvm() {
        // Pinned: a change to the derivation would silently change every recorded replay, so it must be noticed.
        assertThat(new SeededRandom(7).nextLong()).isEqualTo(7191089600892374487L);
        assertThat(new SeededRandom(1).split("network").seed()).isEqualTo(2095181583389946418L);
        assertThat(new SeededRandom(1).split("network").nextLong()).isEqualTo(-7936396446815989995L);
    }

    @Test
    void betweenStaysInRange() {
        SeededRandom r = new SeededRandom(3);
        for (int i = 0; i < 10_000; i++) {
            assertThat(r.between(-5, 5)).isBetween(-5L, 5L);
        }
    }
}
