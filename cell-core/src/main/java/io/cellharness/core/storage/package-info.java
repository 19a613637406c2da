/**
 * Storage: how each supported storage type reaches a VM, the HCI ownership rule, and the Glue I/O path.
 *
 * <ul>
 *   <li>{@link io.cellharness.core.storage.DiskSources} turns a disk's storage type and volume into a
 *       {@link io.cellharness.core.storage.DiskSource} (S-01), always a RAW block device (S-02), or refuses the
 *       volume with one line naming the disk and the expected form.</li>
 *   <li>{@link io.cellharness.core.storage.MonitorPathSelector} chooses, per host, the Glue monitor its VMs' I/O goes
 *       through (S-04 … S-09), fed by {@link io.cellharness.core.storage.MonitorProbeLoop}, which probes the monitors
 *       through the {@link io.cellharness.core.port.StorageMonitors} port on the engine's scheduler.</li>
 * </ul>
 *
 * <p>Pure engine logic: no I/O, no wall clock, single-threaded. Depends on {@code model}, {@code limits},
 * {@code port}, and {@code validation} for its {@link io.cellharness.core.validation.Problem} value.
 */
package io.cellharness.core.storage;
