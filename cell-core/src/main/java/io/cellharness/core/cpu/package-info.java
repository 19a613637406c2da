/**
 * CPU models and the CPU rules of live migration (C-01 … C-06).
 *
 * <p>Owns the catalogue of x86 models (QEMU/libvirt names and feature flags, read once from the resource
 * {@code x86-cpu-models.yaml} beside this package, which cites libvirt's {@code cpu_map} for every list), the
 * libvirt-style baseline of a set of host CPUs (C-04), the oldest-generation CPU of a cluster (C-05), the CPU a VM
 * gets on a host ({@link io.cellharness.core.cpu.EffectiveCpu}) and the migration eligibility check per CPU mode
 * ({@link io.cellharness.core.cpu.MigrationEligibility}).
 *
 * <p>Pure engine logic: depends on {@code model}, {@code limits} and the {@code port} record
 * {@link io.cellharness.core.port.CpuComparison} it fills for simulated hypervisors (and Jackson to read its own
 * resource); no I/O beyond that resource, no clock, every collection ordered.
 */
package io.cellharness.core.cpu;
