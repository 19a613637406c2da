package io.cellharness.reports.casefile;

import java.util.Objects;

/**
 * How one invariant fared over the run.
 *
 * @param name short name, e.g. {@code H-06 one running copy}
 * @param kind safety (checked after every event) or liveness (checked once the cluster is healthy again)
 * @param held whether it held for the whole run
 * @param description what it demands, one sentence
 * @param violation what broke it (first violation, with time and who); empty when it held
 */
public record InvariantResult(String name, Kind kind, boolean held, String description, String violation) {

    /**
     * Safety: nothing bad ever happens. Liveness: something good eventually happens. Expectation: what one scenario
     * expects (a fence, a recovery time); it is reported beside the invariants, never counted as one.
     */
    public enum Kind {
        SAFETY("safety"),
        LIVENESS("liveness"),
        /** Not an invariant: what this scenario expects of its run (counted apart on the page). */
        EXPECTATION("expectation");

        private final String spelling;

        Kind(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }
    }

    public InvariantResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(violation, "violation");
        if (held && !violation.isEmpty()) {
            throw new IllegalArgumentException("invariant '" + name + "' held but has a violation: " + violation);
        }
    }

    public static InvariantResult held(String name, Kind kind, String description) {
        return new InvariantResult(name, kind, true, description, "");
    }

    public static InvariantResult violated(String name, Kind kind, String description, String violation) {
        return new InvariantResult(name, kind, false, description, violation);
    }
}
