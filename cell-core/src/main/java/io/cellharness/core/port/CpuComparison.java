package io.cellharness.core.port;

/**
 * A host's answer to "can you run this CPU?" (libvirt {@code virConnectCompareCPU}).
 *
 * @param result identical, superset (the host offers more) or incompatible
 * @param reason for incompatible: which model or feature differs
 */
public record CpuComparison(Result result, String reason) {

    public enum Result {
        INCOMPATIBLE,
        IDENTICAL,
        SUPERSET
    }

    public boolean compatible() {
        return result != Result.INCOMPATIBLE;
    }
}
