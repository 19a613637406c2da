package io.cellharness.core.advice;

/**
 * One row of the P-01 table for a VM: a device class, the device the VM uses, how it is virtualised and the
 * documented performance relative to bare metal.
 */
public record ExpectedPerformance(DeviceClass deviceClass, String device, Virtualization virtualization, int percent) {
}
