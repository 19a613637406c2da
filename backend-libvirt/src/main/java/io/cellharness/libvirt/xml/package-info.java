/**
 * Libvirt domain XML for Cell VMs: {@link io.cellharness.libvirt.xml.DomainXmlRenderer} writes a
 * {@link io.cellharness.core.model.VmSpec} plus a {@link io.cellharness.libvirt.xml.RenderContext} as a domain
 * definition (the {@code cell render} entry point), {@link io.cellharness.libvirt.xml.DomainXmlParser} reads one
 * back, and {@link io.cellharness.libvirt.xml.CpuXml} writes and reads CPUs for compare and baseline. Where each
 * storage type of S-01 lives on a host is cell-core's {@code io.cellharness.core.storage.DiskSources}.
 *
 * <p>Pure functions over strings: no libvirt connection, no I/O. Depends on cell-core's model, limits, cpu,
 * storage and validation, and on the JDK's DOM and StAX only.
 */
package io.cellharness.libvirt.xml;
