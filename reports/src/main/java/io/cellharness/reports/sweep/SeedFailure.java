package io.cellharness.reports.sweep;

import java.util.Objects;

/**
 * One invariant that broke under one seed.
 *
 * @param seed the seed of the failing run
 * @param invariant the invariant's name, e.g. {@code H-06 one running copy}
 * @param description what happened, one line
 * @param replayCommand the command that replays this seed exactly
 */
public record SeedFailure(long seed, String invariant, String description, String replayCommand) {

    public SeedFailure {
        Objects.requireNonNull(invariant, "invariant");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(replayCommand, "replayCommand");
    }
}
