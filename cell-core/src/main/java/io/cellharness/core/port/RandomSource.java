package io.cellharness.core.port;

/**
 * The only source of randomness the engine may use. Seeded, so a run is named by its seed; split per subsystem, so a
 * draw added in one subsystem does not change the history of another (TigerBeetle's VOPR, FoundationDB's sim).
 */
public interface RandomSource {

    /** A uniformly distributed long. */
    long nextLong();

    /** A uniformly distributed int in {@code [0, bound)}. */
    int nextInt(int bound);

    /** A uniformly distributed double in {@code [0, 1)}. */
    double nextDouble();

    /** True with probability {@code p}. */
    default boolean chance(double p) {
        return nextDouble() < p;
    }

    /** A uniformly distributed long in {@code [min, max]}. */
    default long between(long min, long max) {
        if (max < min) {
            throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
        long span = max - min + 1;
        return span <= 0 ? nextLong() : min + Math.floorMod(nextLong(), span);
    }

    /**
     * An independent stream for {@code subsystem}, derived from this source's seed and the name only (never from how
     * many values were drawn so far).
     */
    RandomSource split(String subsystem);

    /** The seed this stream was made from, for replay lines and traces. */
    long seed();
}
