/**
 * The failover case report: one self-contained HTML page per simulated (or replayed) run, for the engineer who
 * reproduces a failover. The input is plain records ({@link io.cellharness.reports.casefile.CaseReport} and its
 * parts) that a backend fills from its trace; {@link io.cellharness.reports.casefile.CaseReportPage} draws them
 * (header, replay command, one timeline of host states, VM placement and storage path with fault, fence and
 * migration markers, invariants, summary, trace tail) and {@link io.cellharness.reports.casefile.CaseReportWriter}
 * writes {@code index.html}.
 *
 * <p>Depends on {@code io.cellharness.reports.html} and the JDK only; knows nothing of the simulator.
 */
package io.cellharness.reports.casefile;
