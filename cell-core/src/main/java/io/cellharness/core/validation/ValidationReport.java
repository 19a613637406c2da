package io.cellharness.core.validation;

import java.util.List;

/**
 * Every problem found in a specification, errors apart from warnings, each list in document order.
 */
public record ValidationReport(List<Problem> errors, List<Problem> warnings) {

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The catalogue IDs of the errors, in order, with repeats. */
    public List<String> errorIds() {
        return errors.stream().map(Problem::id).toList();
    }
}
