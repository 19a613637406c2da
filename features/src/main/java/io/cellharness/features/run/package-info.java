/**
 * Running the behaviour scenarios from code, as {@code cell run} does: the JUnit Platform launcher with the
 * Cucumber engine over the feature files on the class path, a listener that collects each scenario's outcome and
 * catalogue IDs, and the catalogue of IDs itself (a copy of SPEC.md shipped as a resource). Depends on the glue
 * package only through the class path.
 */
package io.cellharness.features.run;
