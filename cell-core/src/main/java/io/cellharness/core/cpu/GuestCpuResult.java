package io.cellharness.core.cpu;

/** The CPU a VM would get on a host, or why it can get none there. */
public sealed interface GuestCpuResult {

    record Defined(GuestCpu cpu) implements GuestCpuResult {
    }

    /** No CPU can be defined, e.g. a custom-mode VM in a cluster whose hosts share no baseline. */
    record Undefined(String rule, String reason) implements GuestCpuResult {
    }

    default boolean defined() {
        return this instanceof Defined;
    }
}
