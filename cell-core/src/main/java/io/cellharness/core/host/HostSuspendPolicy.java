package io.cellharness.core.host;

import java.util.List;

/**
 * L-09: a host cannot be suspended or hibernated while any VM runs on it.
 */
public final class HostSuspendPolicy {

    private HostSuspendPolicy() {
    }

    /** The two host power transitions the documentation forbids while VMs run. */
    public enum Request {
        SUSPEND("suspended"),
        HIBERNATE("hibernated");

        private final String participle;

        Request(String participle) {
            this.participle = participle;
        }
    }

    /** The answer to a suspend or hibernate request. */
    public sealed interface Decision {
        record Allowed() implements Decision {
        }

        /** Refused, naming every running VM. */
        record Refused(List<String> runningVms, String message) implements Decision {
            public Refused {
                runningVms = List.copyOf(runningVms);
            }
        }
    }

    public static Decision check(String host, Request request, List<String> runningVms) {
        if (runningVms.isEmpty()) {
            return new Decision.Allowed();
        }
        return new Decision.Refused(runningVms, "host " + host + " cannot be " + request.participle + " while VMs run on it: "
                + String.join(", ", runningVms) + " (L-09)");
    }
}
