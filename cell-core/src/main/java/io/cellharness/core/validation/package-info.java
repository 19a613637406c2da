/**
 * Validation of a cluster specification against the documented limits. It returns every problem at once, each
 * with its path, value, limit and catalogue ID; warnings (performance advice the documentation gives) are kept
 * apart from errors (limits the documentation sets). Depends on {@code model}, {@code limits}, {@code capacity}
 * and {@code mac}.
 */
package io.cellharness.core.validation;
