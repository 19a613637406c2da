/**
 * JMH benchmarks, one class per concern, after the JMH samples: a baseline beside each measured method, explicit
 * forks, every result returned or sunk into a {@code Blackhole}. Sizes are {@code @Param}s so that one run gives the
 * cost against size that {@code perf/run} tabulates and plots.
 *
 * <p>May depend on cell-core, backend-sim, backend-libvirt and JMH. Nothing here is part of the product; the
 * benchmarks call the same public API the engine, the simulator and the CLI use. Wall-clock reads are allowed here
 * (this module is not under the determinism signatures), but timing is JMH's job: benchmark code does not read the
 * clock itself.
 */
package io.cellharness.perf;
