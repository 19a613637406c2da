/**
 * The {@code cell} command (picocli): one subcommand per job, each a thin layer over the engine API the scenarios
 * use. Exit codes: 0 success, 1 findings (limit violations, failing scenarios, invariant violations), 2 usage or
 * input errors, always with a one-line message and never a stack trace.
 */
package io.cellharness.cli;
