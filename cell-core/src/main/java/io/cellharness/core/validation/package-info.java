/**
 * Validation of a cluster specification against the documented limits. It returns every problem at once, each
 * with its path, value, limit and catalogue ID; warnings (performance advice the documentation gives) are kept
 * apart from errors (limits the documentation sets). Depends on {@code model}, {@code limits}, {@code capacity},
 * {@code mac}, and the engine checks it reports: {@code cpu} (catalogue, baseline), {@code network} (bond rules) and
 * {@code storage} ({@link io.cellharness.core.validation.StorageCheck} finds storage problems in a cluster: volume
 * forms (S-01), monitors (S-04) and disks passed through to the HCI storage controller VM that are also used as VM
 * volumes (S-03)). Nothing in {@code storage} depends on this package: there is no package loop.
 */
package io.cellharness.core.validation;
