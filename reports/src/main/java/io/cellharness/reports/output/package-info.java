/**
 * Every file the project writes goes through {@link io.cellharness.reports.output.SafeOutput}: a temporary file with a
 * random name created exclusively in the target's directory, then renamed over the target, so a reader never sees
 * half a file and a planted symlink or device is never written through or replaced. A target that cannot be written
 * is refused with {@link io.cellharness.reports.output.OutputRefusedException} before a run starts, not after.
 *
 * <p>Depends on the JDK only.
 */
package io.cellharness.reports.output;
