/**
 * The tools {@code perf/run} calls around JMH: {@link io.cellharness.perf.report.MachineDescription} writes what the
 * results were measured on, {@link io.cellharness.perf.report.LibvirtProbe} says whether the libvirt benchmark can
 * run, and {@link io.cellharness.perf.report.PerfReport} turns JMH's JSON results into the README's performance
 * section and the scaling plot, so both can be regenerated from the committed results.
 *
 * <p>May depend on Jackson (to read JSON) and the JDK; reads /proc for the machine description. Nothing here runs a
 * benchmark.
 */
package io.cellharness.perf.report;
