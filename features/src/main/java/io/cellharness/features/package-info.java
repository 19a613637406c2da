/**
 * Glue of the behaviour scenarios: thin steps that call the same engine API the {@code cell} command uses, the
 * parameter types for the documentation's vocabulary, and the scenario world shared by the steps of one scenario.
 * The feature files live beside this package in resources, one per capability, each scenario tagged with its
 * SPEC.md catalogue IDs. The backend (simulator or libvirt) is chosen by the {@code cell.backend} setting.
 */
package io.cellharness.features;
