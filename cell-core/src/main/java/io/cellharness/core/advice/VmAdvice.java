package io.cellharness.core.advice;

import java.util.List;

/** The P-01 rows and the device advice for one VM. */
public record VmAdvice(String vm, List<ExpectedPerformance> expected, List<Advice> advice) {

    public VmAdvice {
        expected = List.copyOf(expected);
        advice = List.copyOf(advice);
    }
}
