/**
 * Validation of a cluster specification against the documented limits. It returns every problem at once, each
 * with its path, value, limit and catalogue ID; warnings (performance advice the documentation gives) are kept
 * apart from errors (limits the documentation sets). Depends on {@code model}, {@code limits}, {@code capacity},
 * {@code mac}, and the engine checks it reports: {@code cpu} (catalogue, baseline), {@code network} (bond rules) and
 * {@code storage} (whose {@code StorageCheck} builds its problems with this package's {@link
 * io.cellharness.core.validation.Problem}).
 */
package io.cellharness.core.validation;
