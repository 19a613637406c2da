package io.cellharness.core.network;

import java.util.List;

/** The result of configuring a host's network from its specification. */
public sealed interface HostSetup {

    record Configured(HostNetwork network) implements HostSetup {
    }

    /** The configuration is refused; every problem is one line naming the host and the bond or bridge. */
    record Refused(List<String> problems) implements HostSetup {
        public Refused {
            problems = List.copyOf(problems);
        }

        public String message() {
            return String.join("; ", problems);
        }
    }
}
