package io.cellharness.core.capacity;

import io.cellharness.core.model.Size;

/**
 * Why a VM does not fit a host on one resource.
 *
 * @param host      the host
 * @param resource  the resource that is short
 * @param requested what the VM needs
 * @param available what is left on the host (capacity minus what is placed), never negative
 * @param capacity  the host's capacity for this resource after the overcommit factor or ratio
 * @param limitId   the catalogue ID of the rule (L-05 or L-07)
 */
public record Shortfall(String host, Resource resource, long requested, long available, long capacity, String limitId) {

    /** How much more the host would need to have left: what the VM needs minus what is left. */
    public long shortBy() {
        return requested - available;
    }

    /** {@code memory: needs 64GiB, host h1 has 32GiB left of 256GiB (L-07), short by 32GiB} */
    public String message() {
        return switch (resource) {
            case VCPU -> "vCPUs: needs " + requested + ", host " + host + " has " + available + " left of "
                    + capacity + " (8 x physical cores, " + limitId + "), short by " + shortBy();
            case MEMORY -> "memory: needs " + Size.ofBytes(requested) + ", host " + host + " has "
                    + Size.ofBytes(available) + " left of " + Size.ofBytes(capacity) + " (" + limitId + "), short by "
                    + Size.ofBytes(shortBy());
            case DISK -> "disk: needs " + Size.ofBytes(requested) + ", host " + host + " has "
                    + Size.ofBytes(available) + " left of " + Size.ofBytes(capacity) + " (" + limitId + "), short by "
                    + Size.ofBytes(shortBy());
        };
    }
}
