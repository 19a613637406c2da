/**
 * Every documented limit and every default of Cell Harness, by name, in one class ({@link io.cellharness.core.limits.Limits}).
 * Code elsewhere refers to these constants; a documented number is never written twice.
 */
package io.cellharness.core.limits;
