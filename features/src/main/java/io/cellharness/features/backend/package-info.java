/**
 * The backend the scenarios drive, chosen by configuration ({@code cell.backend=sim|libvirt}, default {@code sim}):
 * a fresh simulation per scenario ({@link io.cellharness.features.backend.SimScenarioBackend}), or real libvirt
 * ({@link io.cellharness.features.backend.LibvirtScenarioBackend}) on the daemons {@code cell.libvirt.uri} names or,
 * without it, two private local daemons started once per JVM. Scenario steps reach hosts only through the core's
 * ports and the {@link io.cellharness.features.backend.ScenarioBackend} views (definitions read back, ports, migration
 * streams), so the same scenario runs on either; where the two observe differently, the difference is here.
 *
 * <p>Depends on cell-core, backend-sim and backend-libvirt (its {@code local} package for the daemons).
 */
package io.cellharness.features.backend;
