/**
 * The sweep summary: one self-contained HTML page for a run of many seeds, with the failing seeds (each with the
 * command that replays it) and a histogram of the recovery times observed, p50/p99/max marked.
 * {@link io.cellharness.reports.sweep.SweepReport} is the input, {@link io.cellharness.reports.sweep.SweepReportPage}
 * draws it and {@link io.cellharness.reports.sweep.SweepReportWriter} writes {@code index.html}.
 *
 * <p>Depends on {@code io.cellharness.reports.html} and the JDK only.
 */
package io.cellharness.reports.sweep;
