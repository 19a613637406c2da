package io.cellharness.core.cpu;

import java.util.List;

/** Whether the CPU rules let a VM live-migrate to a host (C-02 … C-06). */
public sealed interface Eligibility {

    /** The catalogue rule that decided: C-02, C-03, C-04 or C-05. */
    String rule();

    /**
     * The target can run the VM's CPU.
     *
     * @param note what happens to the CPU on the way, e.g. that host-model features are adjusted to the target
     */
    record Allowed(String rule, String note) implements Eligibility {
    }

    /**
     * The migration must be refused before anything is copied (C-06).
     *
     * @param reason          one line naming the differing model, vendor or features
     * @param missingFeatures the features the VM's CPU has and the target lacks, sorted (empty when a model or vendor
     *                        differs rather than a feature)
     */
    record Refused(String rule, String reason, List<String> missingFeatures) implements Eligibility {
        public Refused {
            missingFeatures = List.copyOf(missingFeatures);
        }
    }

    default boolean allowed() {
        return this instanceof Allowed;
    }
}
