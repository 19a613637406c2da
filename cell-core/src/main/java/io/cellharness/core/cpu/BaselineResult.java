package io.cellharness.core.cpu;

import io.cellharness.core.model.CpuSpec;
import java.util.List;

/** The answer to "which CPU can every one of these hosts run?" (C-04, C-05). */
public sealed interface BaselineResult {

    /**
     * There is one.
     *
     * @param cpu           the CPU to give guests: {@code model}'s vendor, name and generation, with the model's
     *                      features plus {@code extraFeatures}
     * @param model         the newest catalogue model every host offers
     * @param extraFeatures features beyond the model's that every host offers too (empty for the C-05 generation CPU)
     */
    record Found(CpuSpec cpu, CpuModel model, List<String> extraFeatures) implements BaselineResult {
        public Found {
            extraFeatures = List.copyOf(extraFeatures);
        }
    }

    /** There is none; the reason names the hosts, vendors or features that prevent it. */
    record Impossible(String reason) implements BaselineResult {
    }

    default boolean found() {
        return this instanceof Found;
    }
}
