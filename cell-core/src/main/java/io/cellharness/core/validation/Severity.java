package io.cellharness.core.validation;

/** Whether a problem makes a specification invalid or only deserves attention. */
public enum Severity {
    ERROR,
    WARNING
}
