/**
 * The Cell Harness core engine: the documented behaviour of a Cell hypervisor cluster.
 *
 * <p>Sub-packages own one concern each: {@code model} (specification records), {@code limits} (every documented
 * number, by name), {@code spec} (YAML reading and writing), {@code validation}, {@code capacity}, {@code mac},
 * {@code advice}, and {@code port} (the narrow interfaces the engine uses to reach a backend). Nothing here performs
 * I/O, reads the wall clock or draws unseeded randomness; the build enforces this with forbiddenapis
 * ({@code build-support/forbidden/determinism.txt}).
 */
package io.cellharness.core;
