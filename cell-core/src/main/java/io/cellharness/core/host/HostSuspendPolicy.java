package io.cellharness.core.host;

import io.cellharness.core.port.DomainInfo;
import io.cellharness.core.port.DomainState;
import io.cellharness.core.port.Hypervisor;
import io.cellharness.core.port.OpResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

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

    /**
     * L-09 by what the host's hypervisor says runs there: every domain that is not shut off (running, paused,
     * suspended to memory, ...) holds guest state the host would freeze. A domain defined but shut off does not stop
     * the host, and a VM placed there on paper but not running does not either. A hypervisor that cannot say what runs
     * is a refusal: suspending a host blind could freeze a VM.
     */
    public static CompletionStage<Decision> check(String host, Request request, Hypervisor hypervisor) {
        return hypervisor.list().thenApply(listed -> {
            if (!(listed instanceof OpResult.Ok<List<DomainInfo>> ok)) {
                return new Decision.Refused(List.of(), "host " + host + " cannot be " + request.participle
                        + ": what runs on it is unknown (" + listed.reason() + ") (L-09)");
            }
            List<String> running = new ArrayList<>();
            for (DomainInfo d : ok.value()) {
                if (d.state() != DomainState.SHUTOFF) {
                    running.add(d.name());
                }
            }
            running.sort(String::compareTo);
            return check(host, request, running);
        });
    }

    /** L-09 for a host on which {@code runningVms} run, as its hypervisor reports them. */
    public static Decision check(String host, Request request, List<String> runningVms) {
        if (runningVms.isEmpty()) {
            return new Decision.Allowed();
        }
        return new Decision.Refused(runningVms, "host " + host + " cannot be " + request.participle + " while VMs run on it: "
                + String.join(", ", runningVms) + " (L-09)");
    }
}
