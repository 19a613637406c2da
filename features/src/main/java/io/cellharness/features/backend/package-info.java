/**
 * The backend the scenarios drive, chosen by configuration ({@code cell.backend=sim|libvirt}, default {@code sim}):
 * the simulator, or real libvirt. Scenario steps reach hosts only through the core's ports, so the same scenario runs
 * on either.
 */
package io.cellharness.features.backend;
