/**
 * Reading and writing specification documents (YAML, through Jackson). Every malformed document becomes one
 * {@link io.cellharness.core.spec.SpecFormatException} naming the source, line, column, the path inside the
 * document and what was expected; callers never see a parser stack trace. Reading files is the caller's job.
 */
package io.cellharness.core.spec;
