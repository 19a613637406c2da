package io.cellharness.core.port;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The seeded {@link RandomSource}: {@link SplittableRandom} for draws, and a stable 64-bit mix of the seed and the
 * subsystem name (FNV-1a, then SplitMix64's finaliser) for splits, so the same seed and name give the same stream in
 * every JVM.
 */
public final class SeededRandom implements RandomSource {

    private final long seed;
    private final SplittableRandom random;

    public SeededRandom(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public long nextLong() {
        return random.nextLong();
    }

    @Override
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }

    @Override
    public RandomSource split(String subsystem) {
        return new SeededRandom(mix(seed ^ fnv1a(subsystem)));
    }

    @Override
    public long seed() {
        return seed;
    }

    static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
