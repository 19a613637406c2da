package io.cellharness.core.port;

import io.cellharness.core.model.CpuSpec;

/**
 * What a hypervisor reports about its host.
 *
 * @param host        host name
 * @param cpu         the host CPU (model, vendor, features)
 * @param cores       physical cores
 * @param memoryBytes physical memory
 */
public record HostCapabilities(String host, CpuSpec cpu, int cores, long memoryBytes) {
}
