package io.cellharness.core.migration;

import io.cellharness.core.cpu.Eligibility;
import io.cellharness.core.port.MigrationRequest;

/** The answer to "may this VM live-migrate there, and how would it go?" (G-04). */
public sealed interface MigrationPlan {

    String vm();

    /**
     * It may: the CPU rule that allowed it, the request to hand the hypervisor, and the prediction.
     *
     * @param bandwidthGbps the management bandwidth between the two hosts it was predicted at
     */
    record Ready(String vm, String source, String target, Eligibility.Allowed cpu, MigrationRequest request,
                 double bandwidthGbps, MigrationPrediction prediction) implements MigrationPlan {
    }

    /**
     * It may not, and nothing is copied (C-06): the rule (C-02 … C-05, L-07, G-02, ...) and a one-line reason.
     *
     * @param source the VM's host, or null if it runs nowhere
     */
    record Refused(String vm, String source, String target, String rule, String reason) implements MigrationPlan {
    }

    default boolean ready() {
        return this instanceof Ready;
    }
}
