package io.cellharness.core.advice;

/**
 * A recommendation about a VM's devices or time keeping.
 *
 * @param id      catalogue ID of the documented rule
 * @param subject what it is about, e.g. {@code disks[1]}
 * @param text    the recommendation
 */
public record Advice(String id, String subject, String text) {
}
