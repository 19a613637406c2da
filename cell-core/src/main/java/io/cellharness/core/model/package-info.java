/**
 * The specification records of a Cell cluster: cluster, hosts, VMs and their devices, and the documented
 * vocabularies (CPU modes, disk buses, storage types, bond modes ...) as enums.
 *
 * <p>Records are immutable values with YAML names fixed by Jackson annotations; compact constructors fill in the
 * documented defaults and copy lists. This package depends on nothing in the engine.
 */
package io.cellharness.core.model;
