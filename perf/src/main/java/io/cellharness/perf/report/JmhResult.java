package io.cellharness.perf.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * One row of JMH's JSON results.
 *
 * @param benchmarkClass the benchmark class's simple name, e.g. {@code SimulatorBenchmark}
 * @param method         the benchmark method
 * @param params         the {@code @Param} values
 * @param score          the primary score, in {@code unit}
 * @param error          its 99.9 % half-width, NaN when there were too few iterations for one
 * @param unit           JMH's unit, e.g. {@code ns/op}, {@code ms/op}
 * @param settings       how it was measured: forks, warmup and measurement iterations (JMH's words)
 * @param secondary      secondary metrics (aux counters) by name: their mean per iteration
 */
public record JmhResult(String benchmarkClass, String method, Map<String, String> params, double score, double error,
                        String unit, Settings settings, Map<String, Double> secondary) {

    /** How a result was measured. */
    public record Settings(int forks, int warmupIterations, String warmupTime, int measurementIterations,
                           String measurementTime) {

        /** {@code 1 fork, 2 × 1 s warmup, 3 × 1 s measured} or {@code 1 fork, 1 + 3 single-shot runs}. */
        public String describe() {
            String forkText = forks + (forks == 1 ? " fork" : " forks");
            if (measurementTime.equals("single-shot")) {
                return forkText + ", " + warmupIterations + " warmup + " + measurementIterations + " measured single-shot "
                        + (measurementIterations == 1 ? "run" : "runs");
            }
            return forkText + ", " + warmupIterations + " × " + warmupTime + " warmup, " + measurementIterations
                    + " × " + measurementTime + " measured";
        }
    }

    public JmhResult {
        params = new TreeMap<>(params);
        secondary = new TreeMap<>(secondary);
    }

    /** The score as nanoseconds per operation. */
    public double nanosPerOp() {
        return score * nanosPer(unit);
    }

    /** The error as nanoseconds per operation (NaN when unknown). */
    public double errorNanos() {
        return error * nanosPer(unit);
    }

    public String param(String name) {
        return params.get(name);
    }

    private static double nanosPer(String unit) {
        return switch (unit) {
            case "ns/op" -> 1;
            case "us/op" -> 1e3;
            case "ms/op" -> 1e6;
            case "s/op" -> 1e9;
            default -> throw new IllegalArgumentException("not a time per operation: " + unit
                    + " (the report expects average or single-shot time)");
        };
    }
}
